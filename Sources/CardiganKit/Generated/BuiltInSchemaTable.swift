// Generated from templates/model-card.schema.json by Tests/CardiganKitTests/SchemaTableWriter.swift
// (`UPDATE_GOLDEN=1 swift test --filter BuiltInSchemaTableTests`); do not edit by hand.

/// The built-in schema compiled at build time: the node table ``SchemaCompiler`` makes of
/// `templates/model-card.schema.json`, written out as code so that no process parses and
/// compiles the text (see `BuiltInSchemaTable+Loading.swift`).
enum BuiltInSchemaTable {
    /// The UTF-8 length of the schema text the table was made from.
    static let sourceLength = 26749
    /// The FNV-1a hash of that text (``fingerprint(of:)``).
    static let sourceFingerprint: UInt64 = 0xff700baded389d22
    /// The index of the root node.
    static let root = 0

    /// The node table.
    static func nodes() throws -> [CompiledSchemaNode] {
        var nodes: [CompiledSchemaNode] = []
        nodes.reserveCapacity(205)
        var node: CompiledSchemaNode
        // 0
        node = CompiledSchemaNode()
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["name"] = 1
        node.properties["status"] = 2
        node.properties["model_overview"] = 3
        node.properties["intended_uses"] = 18
        node.properties["business_details"] = 25
        node.properties["training_details"] = 30
        node.properties["evaluation_details"] = 57
        node.properties["additional_information"] = 59
        node.properties["model_package_details"] = 64
        node.propertyNames.append("name")
        node.propertyNames.append("status")
        node.propertyNames.append("model_overview")
        node.propertyNames.append("intended_uses")
        node.propertyNames.append("business_details")
        node.propertyNames.append("training_details")
        node.propertyNames.append("evaluation_details")
        node.propertyNames.append("additional_information")
        node.propertyNames.append("model_package_details")
        node.required.append("name")
        node.required.append("status")
        node.required.append("model_overview")
        node.additionalProperties = 98
        node.hasObjectKeywords = true
        nodes.append(node)
        // 1
        node = CompiledSchemaNode()
        node.location = "/properties/name"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.minLength = 1
        node.maxLength = 63
        node.pattern = try SchemaRegex("^[a-z0-9](-?[a-z0-9]){0,62}$")
        node.hasStringKeywords = true
        nodes.append(node)
        // 2
        node = CompiledSchemaNode()
        node.location = "/properties/status"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.enumValues = []
        node.enumValues?.append(BuiltInSchemaTable.value(.string("Draft"), 20, 9))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("PendingReview"), 21, 9))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("Approved"), 22, 9))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("Archived"), 23, 9))
        nodes.append(node)
        // 3
        node = CompiledSchemaNode()
        node.location = "/properties/model_overview"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["model_description"] = 4
        node.properties["model_creator"] = 5
        node.properties["model_artifact"] = 6
        node.properties["model_name"] = 8
        node.properties["problem_type"] = 9
        node.properties["algorithm_type"] = 10
        node.properties["model_id"] = 11
        node.properties["model_owner"] = 12
        node.properties["model_version"] = 13
        node.properties["inference_environment"] = 14
        node.propertyNames.append("model_description")
        node.propertyNames.append("model_creator")
        node.propertyNames.append("model_artifact")
        node.propertyNames.append("model_name")
        node.propertyNames.append("problem_type")
        node.propertyNames.append("algorithm_type")
        node.propertyNames.append("model_id")
        node.propertyNames.append("model_owner")
        node.propertyNames.append("model_version")
        node.propertyNames.append("inference_environment")
        node.required.append("model_name")
        node.additionalProperties = 17
        node.hasObjectKeywords = true
        nodes.append(node)
        // 4
        node = CompiledSchemaNode()
        node.location = nodes[3].location + "/properties/model_description"
        node.ref = 108
        nodes.append(node)
        // 5
        node = CompiledSchemaNode()
        node.location = nodes[3].location + "/properties/model_creator"
        node.ref = 108
        nodes.append(node)
        // 6
        node = CompiledSchemaNode()
        node.location = nodes[3].location + "/properties/model_artifact"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 7
        node.maxItems = 15
        node.hasArrayKeywords = true
        nodes.append(node)
        // 7
        node = CompiledSchemaNode()
        node.location = nodes[6].location + "/items"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 1024
        node.hasStringKeywords = true
        nodes.append(node)
        // 8
        node = CompiledSchemaNode()
        node.location = nodes[3].location + "/properties/model_name"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.minLength = 1
        node.maxLength = 1024
        node.hasStringKeywords = true
        nodes.append(node)
        // 9
        node = CompiledSchemaNode()
        node.location = nodes[3].location + "/properties/problem_type"
        node.ref = 108
        nodes.append(node)
        // 10
        node = CompiledSchemaNode()
        node.location = nodes[3].location + "/properties/algorithm_type"
        node.ref = 108
        nodes.append(node)
        // 11
        node = CompiledSchemaNode()
        node.location = nodes[3].location + "/properties/model_id"
        node.ref = 108
        nodes.append(node)
        // 12
        node = CompiledSchemaNode()
        node.location = nodes[3].location + "/properties/model_owner"
        node.ref = 108
        nodes.append(node)
        // 13
        node = CompiledSchemaNode()
        node.location = nodes[3].location + "/properties/model_version"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 8)
        node.minimum = 1.0
        node.hasNumberKeywords = true
        nodes.append(node)
        // 14
        node = CompiledSchemaNode()
        node.location = nodes[3].location + "/properties/inference_environment"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["container_image"] = 15
        node.propertyNames.append("container_image")
        node.additionalProperties = 16
        node.hasObjectKeywords = true
        nodes.append(node)
        // 15
        node = CompiledSchemaNode()
        node.location = nodes[14].location + "/properties/container_image"
        node.ref = 202
        nodes.append(node)
        // 16
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[14].location + "/additionalProperties"
        nodes.append(node)
        // 17
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[3].location + "/additionalProperties"
        nodes.append(node)
        // 18
        node = CompiledSchemaNode()
        node.location = "/properties/intended_uses"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["purpose_of_model"] = 19
        node.properties["intended_uses"] = 20
        node.properties["factors_affecting_model_efficiency"] = 21
        node.properties["risk_rating"] = 22
        node.properties["explanations_for_risk_rating"] = 23
        node.propertyNames.append("purpose_of_model")
        node.propertyNames.append("intended_uses")
        node.propertyNames.append("factors_affecting_model_efficiency")
        node.propertyNames.append("risk_rating")
        node.propertyNames.append("explanations_for_risk_rating")
        node.additionalProperties = 24
        node.hasObjectKeywords = true
        nodes.append(node)
        // 19
        node = CompiledSchemaNode()
        node.location = nodes[18].location + "/properties/purpose_of_model"
        node.ref = 112
        nodes.append(node)
        // 20
        node = CompiledSchemaNode()
        node.location = nodes[18].location + "/properties/intended_uses"
        node.ref = 112
        nodes.append(node)
        // 21
        node = CompiledSchemaNode()
        node.location = nodes[18].location + "/properties/factors_affecting_model_efficiency"
        node.ref = 112
        nodes.append(node)
        // 22
        node = CompiledSchemaNode()
        node.location = nodes[18].location + "/properties/risk_rating"
        node.ref = 204
        nodes.append(node)
        // 23
        node = CompiledSchemaNode()
        node.location = nodes[18].location + "/properties/explanations_for_risk_rating"
        node.ref = 112
        nodes.append(node)
        // 24
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[18].location + "/additionalProperties"
        nodes.append(node)
        // 25
        node = CompiledSchemaNode()
        node.location = "/properties/business_details"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["business_problem"] = 26
        node.properties["business_stakeholders"] = 27
        node.properties["line_of_business"] = 28
        node.propertyNames.append("business_problem")
        node.propertyNames.append("business_stakeholders")
        node.propertyNames.append("line_of_business")
        node.additionalProperties = 29
        node.hasObjectKeywords = true
        nodes.append(node)
        // 26
        node = CompiledSchemaNode()
        node.location = nodes[25].location + "/properties/business_problem"
        node.ref = 112
        nodes.append(node)
        // 27
        node = CompiledSchemaNode()
        node.location = nodes[25].location + "/properties/business_stakeholders"
        node.ref = 112
        nodes.append(node)
        // 28
        node = CompiledSchemaNode()
        node.location = nodes[25].location + "/properties/line_of_business"
        node.ref = 112
        nodes.append(node)
        // 29
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[25].location + "/additionalProperties"
        nodes.append(node)
        // 30
        node = CompiledSchemaNode()
        node.location = "/properties/training_details"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["objective_function"] = 31
        node.properties["training_observations"] = 39
        node.properties["training_job_details"] = 40
        node.propertyNames.append("objective_function")
        node.propertyNames.append("training_observations")
        node.propertyNames.append("training_job_details")
        node.additionalProperties = 56
        node.hasObjectKeywords = true
        nodes.append(node)
        // 31
        node = CompiledSchemaNode()
        node.location = nodes[30].location + "/properties/objective_function"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["function"] = 32
        node.properties["notes"] = 37
        node.propertyNames.append("function")
        node.propertyNames.append("notes")
        node.additionalProperties = 38
        node.hasObjectKeywords = true
        nodes.append(node)
        // 32
        node = CompiledSchemaNode()
        node.location = nodes[31].location + "/properties/function"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["function"] = 33
        node.properties["facet"] = 34
        node.properties["condition"] = 35
        node.propertyNames.append("function")
        node.propertyNames.append("facet")
        node.propertyNames.append("condition")
        node.additionalProperties = 36
        node.hasObjectKeywords = true
        nodes.append(node)
        // 33
        node = CompiledSchemaNode()
        node.location = nodes[32].location + "/properties/function"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.enumValues = []
        node.enumValues?.append(BuiltInSchemaTable.value(.string("Maximize"), 151, 21))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("Minimize"), 152, 21))
        nodes.append(node)
        // 34
        node = CompiledSchemaNode()
        node.location = nodes[32].location + "/properties/facet"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 63
        node.hasStringKeywords = true
        nodes.append(node)
        // 35
        node = CompiledSchemaNode()
        node.location = nodes[32].location + "/properties/condition"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 63
        node.hasStringKeywords = true
        nodes.append(node)
        // 36
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[32].location + "/additionalProperties"
        nodes.append(node)
        // 37
        node = CompiledSchemaNode()
        node.location = nodes[31].location + "/properties/notes"
        node.ref = 190
        nodes.append(node)
        // 38
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[31].location + "/additionalProperties"
        nodes.append(node)
        // 39
        node = CompiledSchemaNode()
        node.location = nodes[30].location + "/properties/training_observations"
        node.ref = 108
        nodes.append(node)
        // 40
        node = CompiledSchemaNode()
        node.location = nodes[30].location + "/properties/training_job_details"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["training_arn"] = 41
        node.properties["training_datasets"] = 42
        node.properties["training_environment"] = 44
        node.properties["training_metrics"] = 47
        node.properties["user_provided_training_metrics"] = 49
        node.properties["hyper_parameters"] = 51
        node.properties["user_provided_hyper_parameters"] = 53
        node.propertyNames.append("training_arn")
        node.propertyNames.append("training_datasets")
        node.propertyNames.append("training_environment")
        node.propertyNames.append("training_metrics")
        node.propertyNames.append("user_provided_training_metrics")
        node.propertyNames.append("hyper_parameters")
        node.propertyNames.append("user_provided_hyper_parameters")
        node.additionalProperties = 55
        node.hasObjectKeywords = true
        nodes.append(node)
        // 41
        node = CompiledSchemaNode()
        node.location = nodes[40].location + "/properties/training_arn"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 1024
        node.hasStringKeywords = true
        nodes.append(node)
        // 42
        node = CompiledSchemaNode()
        node.location = nodes[40].location + "/properties/training_datasets"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 43
        node.maxItems = 15
        node.hasArrayKeywords = true
        nodes.append(node)
        // 43
        node = CompiledSchemaNode()
        node.location = nodes[42].location + "/items"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 1024
        node.hasStringKeywords = true
        nodes.append(node)
        // 44
        node = CompiledSchemaNode()
        node.location = nodes[40].location + "/properties/training_environment"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["container_image"] = 45
        node.propertyNames.append("container_image")
        node.additionalProperties = 46
        node.hasObjectKeywords = true
        nodes.append(node)
        // 45
        node = CompiledSchemaNode()
        node.location = nodes[44].location + "/properties/container_image"
        node.ref = 202
        nodes.append(node)
        // 46
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[44].location + "/additionalProperties"
        nodes.append(node)
        // 47
        node = CompiledSchemaNode()
        node.location = nodes[40].location + "/properties/training_metrics"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 48
        node.maxItems = 50
        node.hasArrayKeywords = true
        nodes.append(node)
        // 48
        node = CompiledSchemaNode()
        node.location = nodes[47].location + "/items"
        node.ref = 197
        nodes.append(node)
        // 49
        node = CompiledSchemaNode()
        node.location = nodes[40].location + "/properties/user_provided_training_metrics"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 50
        node.maxItems = 50
        node.hasArrayKeywords = true
        nodes.append(node)
        // 50
        node = CompiledSchemaNode()
        node.location = nodes[49].location + "/items"
        node.ref = 197
        nodes.append(node)
        // 51
        node = CompiledSchemaNode()
        node.location = nodes[40].location + "/properties/hyper_parameters"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 52
        node.maxItems = 100
        node.hasArrayKeywords = true
        nodes.append(node)
        // 52
        node = CompiledSchemaNode()
        node.location = nodes[51].location + "/items"
        node.ref = 193
        nodes.append(node)
        // 53
        node = CompiledSchemaNode()
        node.location = nodes[40].location + "/properties/user_provided_hyper_parameters"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 54
        node.maxItems = 100
        node.hasArrayKeywords = true
        nodes.append(node)
        // 54
        node = CompiledSchemaNode()
        node.location = nodes[53].location + "/items"
        node.ref = 193
        nodes.append(node)
        // 55
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[40].location + "/additionalProperties"
        nodes.append(node)
        // 56
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[30].location + "/additionalProperties"
        nodes.append(node)
        // 57
        node = CompiledSchemaNode()
        node.location = "/properties/evaluation_details"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 58
        node.hasArrayKeywords = true
        nodes.append(node)
        // 58
        node = CompiledSchemaNode()
        node.location = nodes[57].location + "/items"
        node.ref = 113
        nodes.append(node)
        // 59
        node = CompiledSchemaNode()
        node.location = "/properties/additional_information"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["ethical_considerations"] = 60
        node.properties["caveats_and_recommendations"] = 61
        node.properties["custom_details"] = 62
        node.propertyNames.append("ethical_considerations")
        node.propertyNames.append("caveats_and_recommendations")
        node.propertyNames.append("custom_details")
        node.additionalProperties = 63
        node.hasObjectKeywords = true
        nodes.append(node)
        // 60
        node = CompiledSchemaNode()
        node.location = nodes[59].location + "/properties/ethical_considerations"
        node.ref = 112
        nodes.append(node)
        // 61
        node = CompiledSchemaNode()
        node.location = nodes[59].location + "/properties/caveats_and_recommendations"
        node.ref = 112
        nodes.append(node)
        // 62
        node = CompiledSchemaNode()
        node.location = nodes[59].location + "/properties/custom_details"
        node.ref = 109
        nodes.append(node)
        // 63
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[59].location + "/additionalProperties"
        nodes.append(node)
        // 64
        node = CompiledSchemaNode()
        node.location = "/properties/model_package_details"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["model_package_group_name"] = 65
        node.properties["model_package_version"] = 66
        node.properties["model_package_name"] = 67
        node.properties["model_package_arn"] = 68
        node.properties["model_package_description"] = 69
        node.properties["model_package_status"] = 70
        node.properties["model_approval_status"] = 71
        node.properties["approval_description"] = 72
        node.properties["created_by"] = 73
        node.properties["domain"] = 76
        node.properties["task"] = 77
        node.properties["source_algorithms"] = 78
        node.properties["inference_specification"] = 80
        node.properties["mlflow_model_version"] = 84
        node.propertyNames.append("model_package_group_name")
        node.propertyNames.append("model_package_version")
        node.propertyNames.append("model_package_name")
        node.propertyNames.append("model_package_arn")
        node.propertyNames.append("model_package_description")
        node.propertyNames.append("model_package_status")
        node.propertyNames.append("model_approval_status")
        node.propertyNames.append("approval_description")
        node.propertyNames.append("created_by")
        node.propertyNames.append("domain")
        node.propertyNames.append("task")
        node.propertyNames.append("source_algorithms")
        node.propertyNames.append("inference_specification")
        node.propertyNames.append("mlflow_model_version")
        node.additionalProperties = 97
        node.hasObjectKeywords = true
        nodes.append(node)
        // 65
        node = CompiledSchemaNode()
        node.location = nodes[64].location + "/properties/model_package_group_name"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.minLength = 1
        node.maxLength = 63
        node.pattern = try SchemaRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")
        node.hasStringKeywords = true
        nodes.append(node)
        // 66
        node = CompiledSchemaNode()
        node.location = nodes[64].location + "/properties/model_package_version"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 4)
        node.minimum = 1.0
        node.hasNumberKeywords = true
        nodes.append(node)
        // 67
        node = CompiledSchemaNode()
        node.location = nodes[64].location + "/properties/model_package_name"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.minLength = 1
        node.maxLength = 63
        node.hasStringKeywords = true
        nodes.append(node)
        // 68
        node = CompiledSchemaNode()
        node.location = nodes[64].location + "/properties/model_package_arn"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.minLength = 1
        node.maxLength = 2048
        node.hasStringKeywords = true
        nodes.append(node)
        // 69
        node = CompiledSchemaNode()
        node.location = nodes[64].location + "/properties/model_package_description"
        node.ref = 108
        nodes.append(node)
        // 70
        node = CompiledSchemaNode()
        node.location = nodes[64].location + "/properties/model_package_status"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.enumValues = []
        node.enumValues?.append(BuiltInSchemaTable.value(.string("Pending"), 309, 13))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("InProgress"), 310, 13))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("Completed"), 311, 13))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("Failed"), 312, 13))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("Deleting"), 313, 13))
        nodes.append(node)
        // 71
        node = CompiledSchemaNode()
        node.location = nodes[64].location + "/properties/model_approval_status"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.enumValues = []
        node.enumValues?.append(BuiltInSchemaTable.value(.string("Approved"), 320, 13))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("Rejected"), 321, 13))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("PendingManualApproval"), 322, 13))
        nodes.append(node)
        // 72
        node = CompiledSchemaNode()
        node.location = nodes[64].location + "/properties/approval_description"
        node.ref = 108
        nodes.append(node)
        // 73
        node = CompiledSchemaNode()
        node.location = nodes[64].location + "/properties/created_by"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["user_profile_name"] = 74
        node.propertyNames.append("user_profile_name")
        node.additionalProperties = 75
        node.hasObjectKeywords = true
        nodes.append(node)
        // 74
        node = CompiledSchemaNode()
        node.location = nodes[73].location + "/properties/user_profile_name"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 63
        node.hasStringKeywords = true
        nodes.append(node)
        // 75
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[73].location + "/additionalProperties"
        nodes.append(node)
        // 76
        node = CompiledSchemaNode()
        node.location = nodes[64].location + "/properties/domain"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        nodes.append(node)
        // 77
        node = CompiledSchemaNode()
        node.location = nodes[64].location + "/properties/task"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        nodes.append(node)
        // 78
        node = CompiledSchemaNode()
        node.location = nodes[64].location + "/properties/source_algorithms"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 79
        node.minItems = 1
        node.maxItems = 1
        node.hasArrayKeywords = true
        nodes.append(node)
        // 79
        node = CompiledSchemaNode()
        node.location = nodes[78].location + "/items"
        node.ref = 104
        nodes.append(node)
        // 80
        node = CompiledSchemaNode()
        node.location = nodes[64].location + "/properties/inference_specification"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["containers"] = 81
        node.propertyNames.append("containers")
        node.required.append("containers")
        node.additionalProperties = 83
        node.hasObjectKeywords = true
        nodes.append(node)
        // 81
        node = CompiledSchemaNode()
        node.location = nodes[80].location + "/properties/containers"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 82
        node.minItems = 1
        node.maxItems = 15
        node.hasArrayKeywords = true
        nodes.append(node)
        // 82
        node = CompiledSchemaNode()
        node.location = nodes[81].location + "/items"
        node.ref = 99
        nodes.append(node)
        // 83
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[80].location + "/additionalProperties"
        nodes.append(node)
        // 84
        node = CompiledSchemaNode()
        node.location = nodes[64].location + "/properties/mlflow_model_version"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["model_uri"] = 85
        node.properties["source"] = 86
        node.properties["run_id"] = 87
        node.properties["status"] = 88
        node.properties["creation_time"] = 89
        node.properties["user_id"] = 90
        node.properties["description"] = 91
        node.properties["aliases"] = 92
        node.properties["tags"] = 94
        node.propertyNames.append("model_uri")
        node.propertyNames.append("source")
        node.propertyNames.append("run_id")
        node.propertyNames.append("status")
        node.propertyNames.append("creation_time")
        node.propertyNames.append("user_id")
        node.propertyNames.append("description")
        node.propertyNames.append("aliases")
        node.propertyNames.append("tags")
        node.required.append("model_uri")
        node.additionalProperties = 96
        node.hasObjectKeywords = true
        nodes.append(node)
        // 85
        node = CompiledSchemaNode()
        node.location = nodes[84].location + "/properties/model_uri"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.pattern = try SchemaRegex("^models:/")
        node.hasStringKeywords = true
        nodes.append(node)
        // 86
        node = CompiledSchemaNode()
        node.location = nodes[84].location + "/properties/source"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        nodes.append(node)
        // 87
        node = CompiledSchemaNode()
        node.location = nodes[84].location + "/properties/run_id"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        nodes.append(node)
        // 88
        node = CompiledSchemaNode()
        node.location = nodes[84].location + "/properties/status"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.enumValues = []
        node.enumValues?.append(BuiltInSchemaTable.value(.string("PENDING_REGISTRATION"), 398, 17))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("FAILED_REGISTRATION"), 399, 17))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("READY"), 400, 17))
        nodes.append(node)
        // 89
        node = CompiledSchemaNode()
        node.location = nodes[84].location + "/properties/creation_time"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        nodes.append(node)
        // 90
        node = CompiledSchemaNode()
        node.location = nodes[84].location + "/properties/user_id"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        nodes.append(node)
        // 91
        node = CompiledSchemaNode()
        node.location = nodes[84].location + "/properties/description"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        nodes.append(node)
        // 92
        node = CompiledSchemaNode()
        node.location = nodes[84].location + "/properties/aliases"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 93
        node.hasArrayKeywords = true
        nodes.append(node)
        // 93
        node = CompiledSchemaNode()
        node.location = nodes[92].location + "/items"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.minLength = 1
        node.hasStringKeywords = true
        nodes.append(node)
        // 94
        node = CompiledSchemaNode()
        node.location = nodes[84].location + "/properties/tags"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.additionalProperties = 95
        node.hasObjectKeywords = true
        nodes.append(node)
        // 95
        node = CompiledSchemaNode()
        node.location = nodes[94].location + "/additionalProperties"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        nodes.append(node)
        // 96
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[84].location + "/additionalProperties"
        nodes.append(node)
        // 97
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[64].location + "/additionalProperties"
        nodes.append(node)
        // 98
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = "/additionalProperties"
        nodes.append(node)
        // 99
        node = CompiledSchemaNode()
        node.location = "/$defs/container"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["image"] = 100
        node.properties["model_data_url"] = 101
        node.properties["nearest_model_name"] = 102
        node.propertyNames.append("image")
        node.propertyNames.append("model_data_url")
        node.propertyNames.append("nearest_model_name")
        node.required.append("image")
        node.additionalProperties = 103
        node.hasObjectKeywords = true
        nodes.append(node)
        // 100
        node = CompiledSchemaNode()
        node.location = nodes[99].location + "/properties/image"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 255
        node.hasStringKeywords = true
        nodes.append(node)
        // 101
        node = CompiledSchemaNode()
        node.location = nodes[99].location + "/properties/model_data_url"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 1024
        node.hasStringKeywords = true
        nodes.append(node)
        // 102
        node = CompiledSchemaNode()
        node.location = nodes[99].location + "/properties/nearest_model_name"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        nodes.append(node)
        // 103
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[99].location + "/additionalProperties"
        nodes.append(node)
        // 104
        node = CompiledSchemaNode()
        node.location = "/$defs/source_algorithm"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["algorithm_name"] = 105
        node.properties["model_data_url"] = 106
        node.propertyNames.append("algorithm_name")
        node.propertyNames.append("model_data_url")
        node.required.append("algorithm_name")
        node.additionalProperties = 107
        node.hasObjectKeywords = true
        nodes.append(node)
        // 105
        node = CompiledSchemaNode()
        node.location = nodes[104].location + "/properties/algorithm_name"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 170
        node.hasStringKeywords = true
        nodes.append(node)
        // 106
        node = CompiledSchemaNode()
        node.location = nodes[104].location + "/properties/model_data_url"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 1024
        node.hasStringKeywords = true
        nodes.append(node)
        // 107
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[104].location + "/additionalProperties"
        nodes.append(node)
        // 108
        node = CompiledSchemaNode()
        node.location = "/$defs/text_1024"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 1024
        node.hasStringKeywords = true
        nodes.append(node)
        // 109
        node = CompiledSchemaNode()
        node.location = "/$defs/string_map"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.additionalProperties = 111
        node.patternProperties.append((try SchemaRegex("^[a-zA-Z_][a-zA-Z0-9_]*$"), 110))
        node.hasObjectKeywords = true
        nodes.append(node)
        // 110
        node = CompiledSchemaNode()
        node.location = nodes[109].location + "/patternProperties/^[a-zA-Z_][a-zA-Z0-9_]*$"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 1024
        node.hasStringKeywords = true
        nodes.append(node)
        // 111
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[109].location + "/additionalProperties"
        nodes.append(node)
        // 112
        node = CompiledSchemaNode()
        node.location = "/$defs/text_2048"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 2048
        node.hasStringKeywords = true
        nodes.append(node)
        // 113
        node = CompiledSchemaNode()
        node.location = "/$defs/evaluation_detail"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["name"] = 114
        node.properties["evaluation_observation"] = 115
        node.properties["evaluation_job_arn"] = 116
        node.properties["datasets"] = 117
        node.properties["metadata"] = 119
        node.properties["metric_groups"] = 120
        node.propertyNames.append("name")
        node.propertyNames.append("evaluation_observation")
        node.propertyNames.append("evaluation_job_arn")
        node.propertyNames.append("datasets")
        node.propertyNames.append("metadata")
        node.propertyNames.append("metric_groups")
        node.required.append("name")
        node.additionalProperties = 122
        node.hasObjectKeywords = true
        nodes.append(node)
        // 114
        node = CompiledSchemaNode()
        node.location = nodes[113].location + "/properties/name"
        node.ref = 192
        nodes.append(node)
        // 115
        node = CompiledSchemaNode()
        node.location = nodes[113].location + "/properties/evaluation_observation"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 2096
        node.hasStringKeywords = true
        nodes.append(node)
        // 116
        node = CompiledSchemaNode()
        node.location = nodes[113].location + "/properties/evaluation_job_arn"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 256
        node.hasStringKeywords = true
        nodes.append(node)
        // 117
        node = CompiledSchemaNode()
        node.location = nodes[113].location + "/properties/datasets"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 118
        node.maxItems = 10
        node.hasArrayKeywords = true
        nodes.append(node)
        // 118
        node = CompiledSchemaNode()
        node.location = nodes[117].location + "/items"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 1024
        node.hasStringKeywords = true
        nodes.append(node)
        // 119
        node = CompiledSchemaNode()
        node.location = nodes[113].location + "/properties/metadata"
        node.ref = 109
        nodes.append(node)
        // 120
        node = CompiledSchemaNode()
        node.location = nodes[113].location + "/properties/metric_groups"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 121
        node.hasArrayKeywords = true
        nodes.append(node)
        // 121
        node = CompiledSchemaNode()
        node.location = nodes[120].location + "/items"
        node.ref = 123
        nodes.append(node)
        // 122
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[113].location + "/additionalProperties"
        nodes.append(node)
        // 123
        node = CompiledSchemaNode()
        node.location = "/$defs/metric_group"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["name"] = 124
        node.properties["metric_data"] = 125
        node.propertyNames.append("name")
        node.propertyNames.append("metric_data")
        node.required.append("name")
        node.required.append("metric_data")
        node.additionalProperties = 127
        node.hasObjectKeywords = true
        nodes.append(node)
        // 124
        node = CompiledSchemaNode()
        node.location = nodes[123].location + "/properties/name"
        node.ref = 192
        nodes.append(node)
        // 125
        node = CompiledSchemaNode()
        node.location = nodes[123].location + "/properties/metric_data"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 126
        node.hasArrayKeywords = true
        nodes.append(node)
        // 126
        node = CompiledSchemaNode()
        node.location = nodes[125].location + "/items"
        node.ref = 128
        nodes.append(node)
        // 127
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[123].location + "/additionalProperties"
        nodes.append(node)
        // 128
        node = CompiledSchemaNode()
        node.location = "/$defs/metric"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["name"] = 129
        node.properties["notes"] = 130
        node.properties["type"] = 131
        node.properties["value"] = 132
        node.properties["x_axis_name"] = 133
        node.properties["y_axis_name"] = 134
        node.propertyNames.append("name")
        node.propertyNames.append("notes")
        node.propertyNames.append("type")
        node.propertyNames.append("value")
        node.propertyNames.append("x_axis_name")
        node.propertyNames.append("y_axis_name")
        node.required.append("name")
        node.required.append("type")
        node.required.append("value")
        node.additionalProperties = 135
        node.allOf.append(136)
        node.allOf.append(143)
        node.allOf.append(150)
        node.allOf.append(157)
        node.allOf.append(167)
        node.allOf.append(175)
        node.hasObjectKeywords = true
        nodes.append(node)
        // 129
        node = CompiledSchemaNode()
        node.location = nodes[128].location + "/properties/name"
        node.ref = 191
        nodes.append(node)
        // 130
        node = CompiledSchemaNode()
        node.location = nodes[128].location + "/properties/notes"
        node.ref = 190
        nodes.append(node)
        // 131
        node = CompiledSchemaNode()
        node.location = nodes[128].location + "/properties/type"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.enumValues = []
        node.enumValues?.append(BuiltInSchemaTable.value(.string("number"), 549, 13))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("string"), 550, 13))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("boolean"), 551, 13))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("linear_graph"), 552, 13))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("bar_chart"), 553, 13))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("matrix"), 554, 13))
        nodes.append(node)
        // 132
        node = CompiledSchemaNode()
        node.location = nodes[128].location + "/properties/value"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 58)
        nodes.append(node)
        // 133
        node = CompiledSchemaNode()
        node.location = nodes[128].location + "/properties/x_axis_name"
        node.ref = 187
        nodes.append(node)
        // 134
        node = CompiledSchemaNode()
        node.location = nodes[128].location + "/properties/y_axis_name"
        node.ref = 187
        nodes.append(node)
        // 135
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[128].location + "/additionalProperties"
        nodes.append(node)
        // 136
        node = CompiledSchemaNode()
        node.location = nodes[128].location + "/allOf/0"
        node.ifSchema = 137
        node.thenSchema = 139
        nodes.append(node)
        // 137
        node = CompiledSchemaNode()
        node.location = nodes[136].location + "/if"
        node.properties["type"] = 138
        node.propertyNames.append("type")
        node.required.append("type")
        node.hasObjectKeywords = true
        nodes.append(node)
        // 138
        node = CompiledSchemaNode()
        node.location = nodes[137].location + "/properties/type"
        node.constValue = BuiltInSchemaTable.value(.string("number"), 586, 26)
        nodes.append(node)
        // 139
        node = CompiledSchemaNode()
        node.location = nodes[136].location + "/then"
        node.properties["value"] = 140
        node.properties["x_axis_name"] = 141
        node.properties["y_axis_name"] = 142
        node.propertyNames.append("value")
        node.propertyNames.append("x_axis_name")
        node.propertyNames.append("y_axis_name")
        node.hasObjectKeywords = true
        nodes.append(node)
        // 140
        node = CompiledSchemaNode()
        node.location = nodes[139].location + "/properties/value"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 8)
        nodes.append(node)
        // 141
        node = CompiledSchemaNode()
        node.location = nodes[139].location + "/properties/x_axis_name"
        node.ref = 186
        nodes.append(node)
        // 142
        node = CompiledSchemaNode()
        node.location = nodes[139].location + "/properties/y_axis_name"
        node.ref = 186
        nodes.append(node)
        // 143
        node = CompiledSchemaNode()
        node.location = nodes[128].location + "/allOf/1"
        node.ifSchema = 144
        node.thenSchema = 146
        nodes.append(node)
        // 144
        node = CompiledSchemaNode()
        node.location = nodes[143].location + "/if"
        node.properties["type"] = 145
        node.propertyNames.append("type")
        node.required.append("type")
        node.hasObjectKeywords = true
        nodes.append(node)
        // 145
        node = CompiledSchemaNode()
        node.location = nodes[144].location + "/properties/type"
        node.constValue = BuiltInSchemaTable.value(.string("string"), 611, 26)
        nodes.append(node)
        // 146
        node = CompiledSchemaNode()
        node.location = nodes[143].location + "/then"
        node.properties["value"] = 147
        node.properties["x_axis_name"] = 148
        node.properties["y_axis_name"] = 149
        node.propertyNames.append("value")
        node.propertyNames.append("x_axis_name")
        node.propertyNames.append("y_axis_name")
        node.hasObjectKeywords = true
        nodes.append(node)
        // 147
        node = CompiledSchemaNode()
        node.location = nodes[146].location + "/properties/value"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 63
        node.hasStringKeywords = true
        nodes.append(node)
        // 148
        node = CompiledSchemaNode()
        node.location = nodes[146].location + "/properties/x_axis_name"
        node.ref = 186
        nodes.append(node)
        // 149
        node = CompiledSchemaNode()
        node.location = nodes[146].location + "/properties/y_axis_name"
        node.ref = 186
        nodes.append(node)
        // 150
        node = CompiledSchemaNode()
        node.location = nodes[128].location + "/allOf/2"
        node.ifSchema = 151
        node.thenSchema = 153
        nodes.append(node)
        // 151
        node = CompiledSchemaNode()
        node.location = nodes[150].location + "/if"
        node.properties["type"] = 152
        node.propertyNames.append("type")
        node.required.append("type")
        node.hasObjectKeywords = true
        nodes.append(node)
        // 152
        node = CompiledSchemaNode()
        node.location = nodes[151].location + "/properties/type"
        node.constValue = BuiltInSchemaTable.value(.string("boolean"), 637, 26)
        nodes.append(node)
        // 153
        node = CompiledSchemaNode()
        node.location = nodes[150].location + "/then"
        node.properties["value"] = 154
        node.properties["x_axis_name"] = 155
        node.properties["y_axis_name"] = 156
        node.propertyNames.append("value")
        node.propertyNames.append("x_axis_name")
        node.propertyNames.append("y_axis_name")
        node.hasObjectKeywords = true
        nodes.append(node)
        // 154
        node = CompiledSchemaNode()
        node.location = nodes[153].location + "/properties/value"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 2)
        nodes.append(node)
        // 155
        node = CompiledSchemaNode()
        node.location = nodes[153].location + "/properties/x_axis_name"
        node.ref = 186
        nodes.append(node)
        // 156
        node = CompiledSchemaNode()
        node.location = nodes[153].location + "/properties/y_axis_name"
        node.ref = 186
        nodes.append(node)
        // 157
        node = CompiledSchemaNode()
        node.location = nodes[128].location + "/allOf/3"
        node.ifSchema = 158
        node.thenSchema = 160
        nodes.append(node)
        // 158
        node = CompiledSchemaNode()
        node.location = nodes[157].location + "/if"
        node.properties["type"] = 159
        node.propertyNames.append("type")
        node.required.append("type")
        node.hasObjectKeywords = true
        nodes.append(node)
        // 159
        node = CompiledSchemaNode()
        node.location = nodes[158].location + "/properties/type"
        node.constValue = BuiltInSchemaTable.value(.string("linear_graph"), 662, 26)
        nodes.append(node)
        // 160
        node = CompiledSchemaNode()
        node.location = nodes[157].location + "/then"
        node.properties["value"] = 161
        node.properties["x_axis_name"] = 165
        node.properties["y_axis_name"] = 166
        node.propertyNames.append("value")
        node.propertyNames.append("x_axis_name")
        node.propertyNames.append("y_axis_name")
        node.hasObjectKeywords = true
        nodes.append(node)
        // 161
        node = CompiledSchemaNode()
        node.location = nodes[160].location + "/properties/value"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 162
        node.minItems = 1
        node.hasArrayKeywords = true
        nodes.append(node)
        // 162
        node = CompiledSchemaNode()
        node.location = nodes[161].location + "/items"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.prefixItems.append(163)
        node.prefixItems.append(164)
        node.minItems = 2
        node.maxItems = 2
        node.hasArrayKeywords = true
        nodes.append(node)
        // 163
        node = CompiledSchemaNode()
        node.location = nodes[162].location + "/prefixItems/0"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 8)
        nodes.append(node)
        // 164
        node = CompiledSchemaNode()
        node.location = nodes[162].location + "/prefixItems/1"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 8)
        nodes.append(node)
        // 165
        node = CompiledSchemaNode()
        node.location = nodes[160].location + "/properties/x_axis_name"
        node.ref = 186
        nodes.append(node)
        // 166
        node = CompiledSchemaNode()
        node.location = nodes[160].location + "/properties/y_axis_name"
        node.ref = 186
        nodes.append(node)
        // 167
        node = CompiledSchemaNode()
        node.location = nodes[128].location + "/allOf/4"
        node.ifSchema = 168
        node.thenSchema = 170
        nodes.append(node)
        // 168
        node = CompiledSchemaNode()
        node.location = nodes[167].location + "/if"
        node.properties["type"] = 169
        node.propertyNames.append("type")
        node.required.append("type")
        node.hasObjectKeywords = true
        nodes.append(node)
        // 169
        node = CompiledSchemaNode()
        node.location = nodes[168].location + "/properties/type"
        node.constValue = BuiltInSchemaTable.value(.string("bar_chart"), 701, 26)
        nodes.append(node)
        // 170
        node = CompiledSchemaNode()
        node.location = nodes[167].location + "/then"
        node.properties["value"] = 171
        node.properties["x_axis_name"] = 173
        node.properties["y_axis_name"] = 174
        node.propertyNames.append("value")
        node.propertyNames.append("x_axis_name")
        node.propertyNames.append("y_axis_name")
        node.hasObjectKeywords = true
        nodes.append(node)
        // 171
        node = CompiledSchemaNode()
        node.location = nodes[170].location + "/properties/value"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 172
        node.minItems = 1
        node.hasArrayKeywords = true
        nodes.append(node)
        // 172
        node = CompiledSchemaNode()
        node.location = nodes[171].location + "/items"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 8)
        nodes.append(node)
        // 173
        node = CompiledSchemaNode()
        node.location = nodes[170].location + "/properties/x_axis_name"
        node.ref = 184
        nodes.append(node)
        // 174
        node = CompiledSchemaNode()
        node.location = nodes[170].location + "/properties/y_axis_name"
        node.ref = 186
        nodes.append(node)
        // 175
        node = CompiledSchemaNode()
        node.location = nodes[128].location + "/allOf/5"
        node.ifSchema = 176
        node.thenSchema = 178
        nodes.append(node)
        // 176
        node = CompiledSchemaNode()
        node.location = nodes[175].location + "/if"
        node.properties["type"] = 177
        node.propertyNames.append("type")
        node.required.append("type")
        node.hasObjectKeywords = true
        nodes.append(node)
        // 177
        node = CompiledSchemaNode()
        node.location = nodes[176].location + "/properties/type"
        node.constValue = BuiltInSchemaTable.value(.string("matrix"), 730, 26)
        nodes.append(node)
        // 178
        node = CompiledSchemaNode()
        node.location = nodes[175].location + "/then"
        node.properties["value"] = 179
        node.properties["x_axis_name"] = 182
        node.properties["y_axis_name"] = 183
        node.propertyNames.append("value")
        node.propertyNames.append("x_axis_name")
        node.propertyNames.append("y_axis_name")
        node.hasObjectKeywords = true
        nodes.append(node)
        // 179
        node = CompiledSchemaNode()
        node.location = nodes[178].location + "/properties/value"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 180
        node.minItems = 1
        node.maxItems = 20
        node.hasArrayKeywords = true
        nodes.append(node)
        // 180
        node = CompiledSchemaNode()
        node.location = nodes[179].location + "/items"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 181
        node.minItems = 1
        node.maxItems = 20
        node.hasArrayKeywords = true
        nodes.append(node)
        // 181
        node = CompiledSchemaNode()
        node.location = nodes[180].location + "/items"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 8)
        nodes.append(node)
        // 182
        node = CompiledSchemaNode()
        node.location = nodes[178].location + "/properties/x_axis_name"
        node.ref = 184
        nodes.append(node)
        // 183
        node = CompiledSchemaNode()
        node.location = nodes[178].location + "/properties/y_axis_name"
        node.ref = 184
        nodes.append(node)
        // 184
        node = CompiledSchemaNode()
        node.location = "/$defs/axis_name_array"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 185
        node.hasArrayKeywords = true
        nodes.append(node)
        // 185
        node = CompiledSchemaNode()
        node.location = nodes[184].location + "/items"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 63
        node.hasStringKeywords = true
        nodes.append(node)
        // 186
        node = CompiledSchemaNode()
        node.location = "/$defs/axis_name_string"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 63
        node.hasStringKeywords = true
        nodes.append(node)
        // 187
        node = CompiledSchemaNode()
        node.location = "/$defs/axis_name"
        node.anyOf.append(188)
        node.anyOf.append(189)
        nodes.append(node)
        // 188
        node = CompiledSchemaNode()
        node.location = nodes[187].location + "/anyOf/0"
        node.ref = 186
        nodes.append(node)
        // 189
        node = CompiledSchemaNode()
        node.location = nodes[187].location + "/anyOf/1"
        node.ref = 184
        nodes.append(node)
        // 190
        node = CompiledSchemaNode()
        node.location = "/$defs/notes"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 1024
        node.hasStringKeywords = true
        nodes.append(node)
        // 191
        node = CompiledSchemaNode()
        node.location = "/$defs/metric_name"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.minLength = 1
        node.maxLength = 255
        node.pattern = try SchemaRegex("\\S")
        node.hasStringKeywords = true
        nodes.append(node)
        // 192
        node = CompiledSchemaNode()
        node.location = "/$defs/group_name"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.minLength = 1
        node.maxLength = 63
        node.pattern = try SchemaRegex("\\S")
        node.hasStringKeywords = true
        nodes.append(node)
        // 193
        node = CompiledSchemaNode()
        node.location = "/$defs/hyper_parameter"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["name"] = 194
        node.properties["value"] = 195
        node.propertyNames.append("name")
        node.propertyNames.append("value")
        node.required.append("name")
        node.required.append("value")
        node.additionalProperties = 196
        node.hasObjectKeywords = true
        nodes.append(node)
        // 194
        node = CompiledSchemaNode()
        node.location = nodes[193].location + "/properties/name"
        node.ref = 191
        nodes.append(node)
        // 195
        node = CompiledSchemaNode()
        node.location = nodes[193].location + "/properties/value"
        node.ref = 191
        nodes.append(node)
        // 196
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[193].location + "/additionalProperties"
        nodes.append(node)
        // 197
        node = CompiledSchemaNode()
        node.location = "/$defs/training_metric"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 64)
        node.properties["name"] = 198
        node.properties["notes"] = 199
        node.properties["value"] = 200
        node.propertyNames.append("name")
        node.propertyNames.append("notes")
        node.propertyNames.append("value")
        node.required.append("name")
        node.required.append("value")
        node.additionalProperties = 201
        node.hasObjectKeywords = true
        nodes.append(node)
        // 198
        node = CompiledSchemaNode()
        node.location = nodes[197].location + "/properties/name"
        node.ref = 191
        nodes.append(node)
        // 199
        node = CompiledSchemaNode()
        node.location = nodes[197].location + "/properties/notes"
        node.ref = 190
        nodes.append(node)
        // 200
        node = CompiledSchemaNode()
        node.location = nodes[197].location + "/properties/value"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 8)
        nodes.append(node)
        // 201
        node = CompiledSchemaNode()
        node.booleanSchema = false
        node.location = nodes[197].location + "/additionalProperties"
        nodes.append(node)
        // 202
        node = CompiledSchemaNode()
        node.location = "/$defs/container_images"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 32)
        node.items = 203
        node.maxItems = 15
        node.hasArrayKeywords = true
        nodes.append(node)
        // 203
        node = CompiledSchemaNode()
        node.location = nodes[202].location + "/items"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.maxLength = 1024
        node.hasStringKeywords = true
        nodes.append(node)
        // 204
        node = CompiledSchemaNode()
        node.location = "/$defs/risk_rating"
        node.types = CompiledSchemaNode.TypeSet(rawValue: 16)
        node.enumValues = []
        node.enumValues?.append(BuiltInSchemaTable.value(.string("High"), 502, 9))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("Medium"), 503, 9))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("Low"), 504, 9))
        node.enumValues?.append(BuiltInSchemaTable.value(.string("Unknown"), 505, 9))
        nodes.append(node)
        return nodes
    }
}
