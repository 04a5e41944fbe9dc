#!/usr/bin/env python3
"""The real peers cardigan's registry tests and demo check against (PyPI: botocore, boto3, moto).

  registry-peer.py sign       < requests.json   botocore's SigV4Auth over each request: Authorization per line
  registry-peer.py validate   < bodies.json     each [operation, body] against botocore's SageMaker model
  registry-peer.py setup ENDPOINT ACTION ...     make fixtures on a SageMaker endpoint (moto) with boto3:
        group NAME | version GROUP [DESCRIPTION] | versions GROUP N | approve GROUP VERSION [STATUS]
        | show-cards | edit-card NAME DESCRIPTION
  registry-peer.py mlflow URI ACTION ...         the same on an MLflow tracking server, over its REST API:
        group NAME | version NAME [DESCRIPTION] | versions NAME N | approve NAME VERSION [ALIAS]
        | show-cards NAME | edit-card NAME VERSION DESCRIPTION | version-json NAME VERSION
"""
import base64
import datetime
import json
import sys


def sign(requests):
    import botocore.auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    for item in requests:
        moment = datetime.datetime.strptime(item["date"], "%Y%m%dT%H%M%SZ")
        botocore.auth.get_current_datetime = lambda moment=moment: moment
        request = AWSRequest(
            method=item["method"], url=item["url"], data=base64.b64decode(item["body"]), headers=item["headers"]
        )
        credentials = Credentials(item["access"], item["secret"], item.get("token"))
        botocore.auth.SigV4Auth(credentials, item["service"], item["region"]).add_auth(request)
        print(request.headers["Authorization"])


def validate(calls):
    import botocore.session
    from botocore.validate import ParamValidator

    model = botocore.session.get_session().get_service_model("sagemaker")
    failures = 0
    for operation, body in calls:
        report = ParamValidator().validate(body, model.operation_model(operation).input_shape)
        if report.has_errors():
            failures += 1
            print(f"{operation}: {report.generate_report()}")
        else:
            print(f"{operation}: valid")
    return failures


def setup(endpoint, action, args):
    import boto3

    client = boto3.client(
        "sagemaker", endpoint_url=endpoint, region_name="eu-west-1",
        aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="fixture-secret",
    )
    if action == "group":
        client.create_model_package_group(ModelPackageGroupName=args[0])
    elif action == "version":
        response = client.create_model_package(
            ModelPackageGroupName=args[0],
            ModelPackageDescription=args[1] if len(args) > 1 else f"{args[0]} model",
            ModelApprovalStatus="PendingManualApproval",
            InferenceSpecification={
                "Containers": [{"Image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/xgboost:1.7",
                                "ModelDataUrl": f"s3://models/{args[0]}/model.tar.gz"}],
                "SupportedContentTypes": ["text/csv"], "SupportedResponseMIMETypes": ["text/csv"],
            },
            Domain="MACHINE_LEARNING", Task="CLASSIFICATION",
        )
        print(response["ModelPackageArn"])
    elif action == "versions":
        for _ in range(int(args[1])):
            client.create_model_package(
                ModelPackageGroupName=args[0], ModelPackageDescription=f"{args[0]} model",
                ModelApprovalStatus="PendingManualApproval",
                InferenceSpecification={"Containers": [{"Image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/xgboost:1.7"}],
                                        "SupportedContentTypes": ["text/csv"], "SupportedResponseMIMETypes": ["text/csv"]},
            )
    elif action == "approve":
        arn = next(
            p["ModelPackageArn"]
            for p in client.list_model_packages(ModelPackageGroupName=args[0])["ModelPackageSummaryList"]
            if p["ModelPackageVersion"] == int(args[1])
        )
        client.update_model_package(ModelPackageArn=arn, ModelApprovalStatus=args[2] if len(args) > 2 else "Approved")
    elif action == "show-cards":
        for card in client.list_model_cards()["ModelCardSummaries"]:
            versions = client.list_model_card_versions(ModelCardName=card["ModelCardName"])
            for version in versions["ModelCardVersionSummaryList"]:
                described = client.describe_model_card(
                    ModelCardName=card["ModelCardName"], ModelCardVersion=version["ModelCardVersion"])
                content = json.loads(described["Content"]) if described.get("Content") else None
                summary = content["model_overview"]["model_description"] if content else "(no content)"
                print(f"{card['ModelCardName']} v{version['ModelCardVersion']} {version.get('ModelCardStatus', '(no status)')}: {summary}")
    elif action == "edit-card":
        described = client.describe_model_card(ModelCardName=args[0])
        version = described["ModelCardVersion"]
        while not described.get("Content"):  # moto's status-only versions hold no content
            version -= 1
            described = client.describe_model_card(ModelCardName=args[0], ModelCardVersion=version)
        content = json.loads(described["Content"])
        content["model_overview"]["model_description"] = args[1]
        client.update_model_card(ModelCardName=args[0], Content=json.dumps(content))
    else:
        raise SystemExit(f"unknown action {action}")


def mlflow(uri, action, args):
    """Fixtures on an MLflow tracking server through its REST API (no MLflow client needed)."""
    import urllib.request

    def call(method, endpoint, body=None, query=None):
        url = f"{uri}/api/2.0/mlflow/{endpoint}"
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"{}")

    import urllib.parse

    def version(name, description):
        created = call("POST", "model-versions/create", {
            "name": name, "source": f"s3://models/{name}/model", "run_id": "", "description": description,
            "tags": [{"key": "framework", "value": "xgboost"}],
        })
        return created["model_version"]["version"]

    if action == "group":
        call("POST", "registered-models/create", {"name": args[0]})
    elif action == "version":
        print(version(args[0], args[1] if len(args) > 1 else f"{args[0]} model"))
    elif action == "versions":
        for _ in range(int(args[1])):
            version(args[0], f"{args[0]} model")
    elif action == "approve":
        alias = args[2] if len(args) > 2 else "champion"
        call("POST", "registered-models/alias", {"name": args[0], "alias": alias, "version": args[1]})
    elif action == "show-cards":
        found = call("GET", "model-versions/search", query={"filter": f"name='{args[0]}'"})
        for item in sorted(found.get("model_versions", []), key=lambda v: int(v["version"])):
            tags = {t["key"]: t["value"] for t in item.get("tags", []) if t["key"].startswith("model_card")}
            if "model_card" not in tags:
                continue
            shown = {k: tags[k] for k in ("model_card", "model_card_version", "model_card_status") if k in tags}
            first = (item.get("description") or "").splitlines()[:1]
            print(f"{item['name']}/{item['version']} {json.dumps(shown)}: {first[0] if first else '(no description)'}")
    elif action == "version-json":
        item = call("GET", "model-versions/get", query={"name": args[0], "version": args[1]})["model_version"]
        model = call("GET", "registered-models/get", query={"name": args[0]})["registered_model"]
        print(json.dumps({
            "description": item.get("description", ""),
            "tags": {t["key"]: t["value"] for t in item.get("tags", [])},
            "model_tags": {t["key"]: t["value"] for t in model.get("tags", [])},
        }))
    elif action == "edit-card":
        call("PATCH", "model-versions/update", {"name": args[0], "version": args[1], "description": args[2]})
    else:
        raise SystemExit(f"unknown action {action}")


if __name__ == "__main__":
    verb = sys.argv[1]
    if verb == "sign":
        sign(json.load(sys.stdin))
    elif verb == "validate":
        sys.exit(1 if validate(json.load(sys.stdin)) else 0)
    elif verb == "setup":
        setup(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif verb == "mlflow":
        mlflow(sys.argv[2].rstrip("/"), sys.argv[3], sys.argv[4:])
    else:
        raise SystemExit(__doc__)
