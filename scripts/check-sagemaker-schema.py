#!/usr/bin/env python3
"""Locate the AWS::SageMaker::ModelCard resource schema that ships with cfn-lint.

    scripts/check-sagemaker-schema.py                 print the schema file's path
    scripts/check-sagemaker-schema.py CARD.yaml ...   also check each card's content
                                                      against the schema's Content definition

The schema is the source of truth that templates/model-card.schema.json mirrors
(in snake_case). Needs `pip install cfn-lint`; checking cards also needs
`jsonschema` and `PyYAML`. Exit codes: 0 fine, 1 a card failed, 2 schema not found.
"""
import glob
import json
import os
import sys

TYPE_NAME = "AWS::SageMaker::ModelCard"


def locate():
    try:
        import cfnlint
    except ImportError:
        sys.exit("cfn-lint is not installed (pip install cfn-lint)")
    data = os.path.join(os.path.dirname(cfnlint.__file__), "data", "schemas")
    # cfn-lint 1.x: providers/us_east_1.py maps type names to resources/<hash>.json.
    try:
        from cfnlint.data.schemas.providers import us_east_1
        path = os.path.join(data, "resources", us_east_1.types[TYPE_NAME] + ".json")
        if os.path.isfile(path):
            return path
    except (ImportError, AttributeError, KeyError):
        pass
    # Other layouts (e.g. providers/us_east_1/aws-sagemaker-modelcard.json): search.
    for path in sorted(glob.glob(os.path.join(data, "**", "*.json"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if TYPE_NAME in text and json.loads(text).get("typeName") == TYPE_NAME:
            return path
    return None


def pascal(key):
    return "".join(part[:1].upper() + part[1:] for part in key.split("_"))


FREE_MAPS = {"custom_details", "metadata"}  # their keys are user data, not field names


def to_cloudformation(value, parent=None):
    if isinstance(value, dict):
        if parent in FREE_MAPS:
            return dict(value)
        return {pascal(k): to_cloudformation(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [to_cloudformation(v, parent) for v in value]
    return value


def main(argv):
    path = locate()
    if path is None:
        print(f"{TYPE_NAME} schema not found in cfn-lint", file=sys.stderr)
        return 2
    print(path)
    if not argv:
        return 0
    import jsonschema
    import yaml

    with open(path, encoding="utf-8") as f:
        resource = json.load(f)
    content = dict(resource["definitions"]["Content"])
    content.pop("maxLength", None)
    content.pop("minLength", None)
    content["definitions"] = resource["definitions"]
    validator = jsonschema.Draft7Validator(content)
    failed = 0
    for card in argv:
        with open(card, encoding="utf-8") as f:
            data = yaml.safe_load(f)
        body = {k: v for k, v in data.items() if k not in ("name", "status")}
        errors = list(validator.iter_errors(to_cloudformation(body)))
        print(f"{'ok  ' if not errors else 'FAIL'} {card}")
        for e in errors:
            print("     /" + "/".join(map(str, e.absolute_path)) + ": " + e.message[:200])
        failed += bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
