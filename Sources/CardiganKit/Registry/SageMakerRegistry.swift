import Foundation

/// SageMaker's Model Registry and model cards behind ``ModelRegistry``: package groups and
/// versions through `ListModelPackages` (pages of 100) and `DescribeModelPackage`, cards through
/// `CreateModelCard`, `UpdateModelCard` and `DescribeModelCard`, a package version's own card
/// through `UpdateModelPackage` with `ModelCard`.
public struct SageMakerRegistry: ModelRegistry {
    /// The API client.
    public let client: SageMakerClient
    /// Package versions asked for per `ListModelPackages` page (1…100).
    public var pageSize: Int

    /// An adapter over `client`.
    public init(client: SageMakerClient, pageSize: Int = 100) {
        self.client = client
        self.pageSize = max(1, min(100, pageSize))
    }

    /// `SageMaker (eu-west-1)`.
    public var displayName: String { "SageMaker (\(client.settings.region))" }

    public func packageVersions(inGroup group: String) throws -> [RegistryPackageSummary] {
        var summaries: [RegistryPackageSummary] = []
        var token: String?
        repeat {
            let answer: ValueNode
            do {
                answer = try client.call(
                    "ListModelPackages",
                    .object([
                        ("ModelPackageGroupName", .text(group)), ("ModelPackageType", .text("Versioned")),
                        ("MaxResults", .int(pageSize)), ("SortBy", .text("CreationTime")),
                        ("SortOrder", .text("Ascending")), ("NextToken", .text(token)),
                    ]))
            } catch let error as RegistryServiceError where Self.isNotFound(error) {
                return []
            }
            for item in answer["ModelPackageSummaryList"]?.elements ?? [] {
                guard let version = item["ModelPackageVersion"]?.intValue,
                    let package = try? ModelPackage(group: group, versionText: String(version))
                else { continue }
                let approval = item["ModelApprovalStatus"]?.stringValue
                summaries.append(
                    RegistryPackageSummary(
                        package: package, identifier: item["ModelPackageArn"]?.stringValue ?? "",
                        approvalStatus: approval, isApprovedForDeployment: approval == "Approved"))
            }
            token = answer["NextToken"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return summaries.sorted { $0.package < $1.package }
    }

    public func packageVersion(_ package: ModelPackage) throws -> RegistryPackageVersion? {
        guard let summary = try packageVersions(inGroup: package.group).first(where: { $0.package == package }) else {
            return nil
        }
        let answer: ValueNode
        do {
            answer = try client.call("DescribeModelPackage", .object([("ModelPackageName", .text(summary.identifier))]))
        } catch let error as RegistryServiceError where Self.isNotFound(error) {
            return nil
        }
        var full = summary
        full.approvalStatus = answer["ModelApprovalStatus"]?.stringValue ?? summary.approvalStatus
        full.isApprovedForDeployment = full.approvalStatus == "Approved"
        return RegistryPackageVersion(summary: full, details: Self.details(package, from: answer))
    }

    /// `model_package_details` from a `DescribeModelPackage` answer, field by field as the
    /// SageMaker Python SDK's `ModelPackage` of a model card names them.
    static func details(_ package: ModelPackage, from answer: ValueNode) -> ValueNode {
        let algorithms = answer["SourceAlgorithmSpecification"]?["SourceAlgorithms"]?.elements?.compactMap {
            algorithm -> ValueNode? in
            guard let name = algorithm["AlgorithmName"]?.stringValue else { return nil }
            return .object([
                ("algorithm_name", .text(name)), ("model_data_url", .text(algorithm["ModelDataUrl"]?.stringValue)),
            ])
        }
        let containers = answer["InferenceSpecification"]?["Containers"]?.elements?.compactMap {
            container -> ValueNode? in
            guard let image = container["Image"]?.stringValue else { return nil }
            return .object([
                ("image", .text(image)), ("model_data_url", .text(container["ModelDataUrl"]?.stringValue)),
                ("nearest_model_name", .text(container["NearestModelName"]?.stringValue)),
            ])
        }
        let creator = answer["CreatedBy"]?["UserProfileName"]?.stringValue
        return .object([
            ("model_package_group_name", .text(package.group)),
            ("model_package_version", .int(package.version)),
            ("model_package_arn", .text(answer["ModelPackageArn"]?.stringValue)),
            ("model_package_name", .text(answer["ModelPackageName"]?.stringValue)),
            ("model_package_description", .text(answer["ModelPackageDescription"]?.stringValue)),
            ("model_package_status", .text(answer["ModelPackageStatus"]?.stringValue)),
            ("model_approval_status", .text(answer["ModelApprovalStatus"]?.stringValue)),
            ("approval_description", .text(answer["ApprovalDescription"]?.stringValue)),
            ("created_by", creator.map { .object([("user_profile_name", .text($0))]) }),
            ("domain", .text(answer["Domain"]?.stringValue)),
            ("task", .text(answer["Task"]?.stringValue)),
            ("source_algorithms", algorithms.flatMap { $0.isEmpty ? nil : ValueNode(.array($0)) }),
            (
                "inference_specification",
                containers.flatMap { $0.isEmpty ? nil : .object([("containers", ValueNode(.array($0)))]) }
            ),
        ])
    }

    /// Whether an error answer means "no such resource": SageMaker says `ResourceNotFound`, or a
    /// `ValidationException` whose message says the thing does not exist (moto: "not found").
    static func isNotFound(_ error: RegistryServiceError) -> Bool {
        if error.type == "ResourceNotFound" || error.type == "ResourceNotFoundException" { return true }
        let message = error.message.lowercased()
        return error.type.hasPrefix("Validation")
            && (message.contains("does not exist") || message.contains("not found"))
    }
}
