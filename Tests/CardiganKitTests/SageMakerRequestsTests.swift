import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// What the SageMaker adapter sends for each registry operation, checked against botocore's own
/// service model of SageMaker (its parameter validator), and how it reads the answers.
@Suite struct SageMakerRequestsTests {
    private static let arn = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1"

    /// A SageMaker that knows group `churn` with versions 1 (Approved) and 2, and card `churn`.
    private func fakeSageMaker() -> ScriptedTransport {
        ScriptedTransport { request, _ in
            let operation = (request.header("X-Amz-Target") ?? "").replacingOccurrences(of: "SageMaker.", with: "")
            switch operation {
            case "ListModelPackages":
                return ScriptedTransport.json(
                    200,
                    #"{"ModelPackageSummaryList":[{"ModelPackageGroupName":"churn","ModelPackageVersion":1,"ModelPackageArn":"\#(Self.arn)","ModelApprovalStatus":"Approved","CreationTime":1764500000.5,"ModelPackageStatus":"Completed"},{"ModelPackageGroupName":"churn","ModelPackageVersion":2,"ModelPackageArn":"arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/2","ModelApprovalStatus":"PendingManualApproval","CreationTime":1764500001,"ModelPackageStatus":"Completed"}]}"#
                )
            case "DescribeModelPackage":
                return ScriptedTransport.json(
                    200,
                    #"{"ModelPackageGroupName":"churn","ModelPackageVersion":1,"ModelPackageArn":"\#(Self.arn)","ModelPackageDescription":"XGBoost churn model","ModelPackageStatus":"Completed","ModelApprovalStatus":"Approved","ApprovalDescription":"validated","CreatedBy":{"UserProfileName":"ana"},"Domain":"MACHINE_LEARNING","Task":"CLASSIFICATION","SourceAlgorithmSpecification":{"SourceAlgorithms":[{"AlgorithmName":"xgboost","ModelDataUrl":"s3://m/model.tar.gz"}]},"InferenceSpecification":{"Containers":[{"Image":"123.dkr.ecr/xgb:1","ModelDataUrl":"s3://m/model.tar.gz"}],"SupportedContentTypes":["text/csv"]}}"#
                )
            case "DescribeModelCard":
                return ScriptedTransport.json(
                    400, #"{"__type":"ResourceNotFound","message":"Modelcard churn does not exist"}"#)
            default:
                return ScriptedTransport.json(
                    200, #"{"ModelCardArn":"arn:aws:sagemaker:eu-west-1:123456789012:model-card/churn"}"#)
            }
        }
    }

    private func registry(_ transport: ScriptedTransport) throws -> SageMakerRegistry {
        SageMakerRegistry(
            client: try SageMakerClient(
                settings: .test(), transport: transport, retry: RetryPolicy(), clock: FakeClock().clock),
            pageSize: 50)
    }

    private var card: ValueNode {
        get throws {
            try #require(
                SafeYAMLLoader.load(
                    Data(
                        "name: churn\nstatus: Draft\nmodel_overview:\n  model_name: churn-xgb\n  model_description: Prédit le départ\nintended_uses:\n  risk_rating: Low\n"
                            .utf8),
                    path: "cards/churn.yaml"
                ).root)
        }
    }

    @Test func fillsPackageDetailsTheWayTheSDKNamesThem() throws {
        let transport = fakeSageMaker()
        let found = try #require(try registry(transport).packageVersion(ModelPackage(parsing: "churn/1")))
        #expect(
            CanonicalJSON.text(of: found.details)
                == #"{"approval_description":"validated","created_by":{"user_profile_name":"ana"},"domain":"MACHINE_LEARNING","inference_specification":{"containers":[{"image":"123.dkr.ecr/xgb:1","model_data_url":"s3://m/model.tar.gz"}]},"model_approval_status":"Approved","model_package_arn":"\#(Self.arn)","model_package_description":"XGBoost churn model","model_package_group_name":"churn","model_package_status":"Completed","model_package_version":1,"source_algorithms":[{"algorithm_name":"xgboost","model_data_url":"s3://m/model.tar.gz"}],"task":"CLASSIFICATION"}"#
        )
        #expect(transport.operations == ["ListModelPackages", "DescribeModelPackage"])
        #expect(try registry(fakeSageMaker()).packageVersion(ModelPackage(parsing: "churn/3")) == nil)
    }

    @Test(.enabled(if: RegistryPeers.botocore, "botocore (PyPI) is not installed: run scripts/install-test-tools.sh"))
    func everyRequestBodyValidatesAgainstBotocoresModel() throws {
        let transport = fakeSageMaker()
        let registry = try registry(transport)
        let package = try #require(try registry.packageVersion(ModelPackage(parsing: "churn/1")))
        _ = try registry.publishedCard(named: "churn")
        let root = try card
        for kind in [CardPublication.Kind.create, .content, .status] {
            try registry.publish(
                CardPublication(kind: kind, card: "churn", version: 1, root: root, status: .pendingReview))
        }
        _ = try registry.packageCard(of: package)
        try registry.setPackageCard(of: package, root: root, status: .approved)
        #expect(
            transport.operations == [
                "ListModelPackages", "DescribeModelPackage", "DescribeModelCard", "CreateModelCard", "UpdateModelCard",
                "UpdateModelCard", "DescribeModelPackage", "UpdateModelPackage",
            ])
        let calls = try transport.requests.map { request -> [Any] in
            let operation = (request.header("X-Amz-Target") ?? "").replacingOccurrences(of: "SageMaker.", with: "")
            return [operation, try JSONSerialization.jsonObject(with: Data(request.body))]
        }
        let input = String(decoding: try JSONSerialization.data(withJSONObject: calls), as: UTF8.self)
        let report = try RegistryPeers.peer(["validate"], input: input)
        #expect(report.status == 0, "\(report.output)\(report.error)")
        #expect(report.output.split(separator: "\n").count == calls.count)
        // The status-only update carries no content; the package's card carries no package details.
        let statusOnly = try JSONSerialization.jsonObject(with: Data(transport.requests[5].body)) as? [String: Any]
        #expect(statusOnly?.keys.sorted() == ["ModelCardName", "ModelCardStatus"])
        let packageCard = String(decoding: transport.requests[7].body, as: UTF8.self)
        #expect(!packageCard.contains("model_package_details") && !packageCard.contains("model_overview"))
    }

    @Test func aPackageCardTheServiceReturnsUnchangedIsRecognised() throws {
        // The documented service returns the package's card in DescribeModelPackage (moto does
        // not): what cardigan sent comes back with the same digest, so push sends nothing again.
        let root = try card
        let sent = SageMakerRegistry.packageCardContent(of: root)
        let escaped = String(decoding: try JSONSerialization.data(withJSONObject: [sent]), as: UTF8.self).dropFirst()
            .dropLast()
        let transport = ScriptedTransport { _, _ in
            ScriptedTransport.json(
                200, #"{"ModelCard":{"ModelCardContent":\#(escaped),"ModelCardStatus":"Approved"}}"#)
        }
        let registry = try registry(transport)
        let package = RegistryPackageVersion(
            summary: RegistryPackageSummary(
                package: try ModelPackage(parsing: "churn/1"), identifier: Self.arn, approvalStatus: "Approved",
                isApprovedForDeployment: true),
            details: ValueNode(.object([])))
        let shown = try #require(try registry.packageCard(of: package))
        #expect(shown.contentDigest == registry.packageCardDigest(of: root))
        #expect(shown.status == .approved)
    }

    @Test func pagesAreFollowed() throws {
        let transport = ScriptedTransport { request, index in
            let body = String(decoding: request.body, as: UTF8.self)
            let next = index < 2 ? #","NextToken":"page\#(index + 1)""# : ""
            #expect(index == 0 ? !body.contains("NextToken") : body.contains(#""NextToken":"page\#(index)""#))
            return ScriptedTransport.json(
                200,
                #"{"ModelPackageSummaryList":[{"ModelPackageVersion":\#(index + 1),"ModelPackageArn":"a\#(index)","ModelApprovalStatus":"Approved"}]\#(next)}"#
            )
        }
        let versions = try registry(transport).packageVersions(inGroup: "churn")
        #expect(versions.map(\.package.version) == [1, 2, 3])
        #expect(transport.requests.count == 3)
    }
}
