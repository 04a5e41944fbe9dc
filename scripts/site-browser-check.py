#!/usr/bin/env python3
"""Loads every page of a built cardigan site in headless Chromium and reports what went wrong.

Talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on
fd 3, replies on fd 4, each message ended by a NUL byte), so console errors, uncaught
exceptions, failed loads and any request that is not file:// are all seen, which the
--enable-logging output does not tell apart. Prints one JSON object: {"pages": N,
"problems": [{"page", "kind", "text"}], "screenshots": [paths]}; exit 0 even with problems
(the caller judges), 2 when Chromium cannot be driven.

usage: site-browser-check.py SITE_DIR [--screenshots DIR] [--shot PAGE ...] [--eval PAGE#HASH EXPR]
"""
import argparse
import base64
import json
import os
import select
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, profile):
        self.to_chrome_r, self.to_chrome_w = os.pipe()
        self.from_chrome_r, self.from_chrome_w = os.pipe()
        args = [
            "chromium", "--headless", "--disable-gpu", "--no-sandbox", "--remote-debugging-pipe",
            "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-breakpad",
            "--disable-crash-reporter", "--window-size=1280,900",
            "about:blank",
        ]
        # fd 3 is what Chromium reads, fd 4 is what it writes; close_fds would close them again
        # after preexec_fn, so the parent's ends are marked close-on-exec instead.
        os.set_inheritable(self.to_chrome_w, False)
        os.set_inheritable(self.from_chrome_r, False)

        def wire():
            os.dup2(self.to_chrome_r, 3)
            os.dup2(self.from_chrome_w, 4)
            os.set_inheritable(3, True)  # dup2 onto itself keeps Python's close-on-exec
            os.set_inheritable(4, True)
        self.process = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=wire, start_new_session=True)
        os.close(self.to_chrome_r)
        os.close(self.from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome_w, json.dumps(message).encode() + b"\0")
        return self.wait(lambda m: m.get("id") == self.next_id)

    def read_message(self, deadline):
        while b"\0" not in self.buffer:
            ready, _, _ = select.select([self.from_chrome_r], [], [], max(0, deadline - time.time()))
            if not ready:
                raise RuntimeError("timed out waiting for chromium")
            chunk = os.read(self.from_chrome_r, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def wait(self, predicate, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            message = self.read_message(deadline)
            if predicate(message):
                if "error" in message:
                    raise RuntimeError(json.dumps(message["error"]))
                return message
            if "method" in message:
                self.events.append(message)
        raise RuntimeError("timed out waiting for chromium")

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        try:  # the whole group: Chromium's helper processes too
            os.killpg(self.process.pid, 9)
        except ProcessLookupError:
            pass
        self.process.wait()


def problems_in(events, page):
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            found.append({"page": page, "kind": "console-" + params["type"], "text": text})
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text", "")
            found.append({"page": page, "kind": "exception", "text": text})
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
            entry = params["entry"]
            found.append({"page": page, "kind": "log-" + entry["level"],
                          "text": entry.get("text", "") + " " + entry.get("url", "")})
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if not (url.startswith("file://") or url.startswith("data:") or url == "about:blank"):
                found.append({"page": page, "kind": "network", "text": url})
        elif method == "Network.loadingFailed":
            found.append({"page": page, "kind": "load-failed", "text": params.get("errorText", "")})
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--screenshots")
    parser.add_argument("--shot", action="append", default=[])
    parser.add_argument("--eval", nargs=2, action="append", default=[], metavar=("PAGE", "EXPRESSION"))
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    pages = sorted(
        os.path.relpath(os.path.join(root, name), site)
        for root, _, names in os.walk(site) for name in names if name.endswith(".html"))
    report = {"pages": 0, "problems": [], "screenshots": [], "evaluations": []}
    with tempfile.TemporaryDirectory(prefix="cardigan-chromium-") as profile:
        browser = Browser(profile)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["result"]["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["result"]["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                browser.send(domain + ".enable", session=session)
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
            visits = [(page, None) for page in pages] + [(page, expr) for page, expr in args.eval]
            for page, expression in visits:
                # A blank page first, so that pages differing only in their fragment load anew.
                browser.send("Page.navigate", {"url": "about:blank"}, session=session)
                browser.wait(lambda m: m.get("method") == "Page.loadEventFired")
                browser.events = []
                url = "file://" + os.path.join(site, page.split("#")[0]) + ("#" + page.split("#", 1)[1] if "#" in page else "")
                browser.send("Page.navigate", {"url": url}, session=session)
                browser.wait(lambda m: m.get("method") == "Page.loadEventFired")
                # Let deferred work and late console messages arrive.
                browser.send("Runtime.evaluate", {"expression": "new Promise(r => setTimeout(r, 50))",
                                                  "awaitPromise": True}, session=session)
                report["problems"] += problems_in(browser.events, page)
                if expression is not None:
                    result = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                          session=session)["result"]["result"]
                    report["evaluations"].append({"page": page, "expression": expression,
                                                  "value": result.get("value")})
                    continue
                report["pages"] += 1
                if args.screenshots and page in args.shot:
                    metrics = browser.send("Page.getLayoutMetrics", session=session)["result"]
                    height = min(int(metrics["cssContentSize"]["height"]), 4000)
                    shot = browser.send("Page.captureScreenshot", {
                        "format": "png", "captureBeyondViewport": True,
                        "clip": {"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1}}, session=session)
                    os.makedirs(args.screenshots, exist_ok=True)
                    path = os.path.join(args.screenshots, page.replace("/", "_").replace(".html", ".png"))
                    with open(path, "wb") as out:
                        out.write(base64.b64decode(shot["result"]["data"]))
                    report["screenshots"].append(path)
        except Exception as error:  # reported, so the test says what broke
            print(json.dumps({"error": str(error)}))
            return 2
        finally:
            browser.close()
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
