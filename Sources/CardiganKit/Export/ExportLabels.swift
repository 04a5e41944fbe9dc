/// Human labels of card fields and the titles of the sections, shared by every exporter.
enum ExportLabels {
    /// The top-level sections in the order they are shown, with their titles.
    static let sections: [(key: String, title: String)] = [
        ("model_overview", "Model overview"),
        ("intended_uses", "Intended uses"),
        ("business_details", "Business details"),
        ("training_details", "Training details"),
        ("evaluation_details", "Evaluation"),
        ("additional_information", "Additional information"),
        ("model_package_details", "Model package"),
    ]

    /// Objects whose keys are user data (shown as key/value tables, keys as written).
    static let freeMaps: Set<String> = ["custom_details", "metadata"]

    private static let labels: [String: String] = [
        "model_name": "Model name", "model_description": "Description", "model_creator": "Creator",
        "model_artifact": "Artifacts", "problem_type": "Problem type", "algorithm_type": "Algorithm",
        "model_id": "Model ID", "model_owner": "Owner", "model_version": "Model version",
        "inference_environment": "Inference environment", "container_image": "Container images",
        "purpose_of_model": "Purpose", "intended_uses": "Intended uses",
        "factors_affecting_model_efficiency": "Factors affecting performance", "risk_rating": "Risk rating",
        "explanations_for_risk_rating": "Reasons for the risk rating", "business_problem": "Business problem",
        "business_stakeholders": "Stakeholders", "line_of_business": "Line of business",
        "objective_function": "Objective function", "function": "Function", "facet": "Facet",
        "condition": "Condition", "notes": "Notes", "training_observations": "Training observations",
        "training_job_details": "Training job", "training_arn": "Training job ARN",
        "training_datasets": "Training datasets", "training_environment": "Training environment",
        "training_metrics": "Training metrics", "user_provided_training_metrics": "User-provided training metrics",
        "hyper_parameters": "Hyperparameters", "user_provided_hyper_parameters": "User-provided hyperparameters",
        "evaluation_observation": "Observations", "evaluation_job_arn": "Evaluation job ARN",
        "datasets": "Datasets", "metadata": "Metadata", "metric_groups": "Metric groups",
        "ethical_considerations": "Ethical considerations",
        "caveats_and_recommendations": "Caveats and recommendations", "custom_details": "Custom details",
        "model_package_group_name": "Model package group", "model_package_version": "Model package version",
        "model_package_name": "Model package name", "model_package_arn": "Model package ARN",
        "model_package_description": "Description", "model_package_status": "Package status",
        "model_approval_status": "Approval status", "approval_description": "Approval description",
        "created_by": "Created by", "user_profile_name": "User profile", "domain": "Domain", "task": "Task",
        "source_algorithms": "Source algorithms", "algorithm_name": "Algorithm name",
        "model_data_url": "Model data URL", "inference_specification": "Inference specification",
        "containers": "Containers", "image": "Image", "nearest_model_name": "Nearest model", "name": "Name",
        "value": "Value", "type": "Type",
    ]

    /// Labels that depend on where a key is: the objective function's fields are named
    /// `function` twice (SageMaker's schema: `objective_function.function.function` is the
    /// direction), which read "Objective function / Function / Function". The inner object is
    /// shown as the objective function's own fields (an empty label), each named for what it is.
    private static let placedLabels: [String: String] = [
        "/objective_function/function": "",
        "/objective_function/function/function": "Direction",
        "/objective_function/function/facet": "Metric",
        "/objective_function/function/condition": "Condition",
    ]

    /// The label of field `key` at `pointer` (its JSON pointer in the card): a placed label when
    /// the pointer ends in one of ``placedLabels``' (empty: show the field's members as its
    /// parent's), else ``label(_:)``.
    static func label(_ key: String, at pointer: String) -> String {
        for (suffix, label) in placedLabels where pointer.hasSuffix(suffix) { return label }
        return label(key)
    }

    /// The label of field `key`: from the table, else the key with spaces and a capital.
    static func label(_ key: String) -> String {
        if let label = labels[key] { return label }
        let spaced = key.replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
