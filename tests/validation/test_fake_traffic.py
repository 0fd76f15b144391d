"""A HAR of real traffic to the fakes validates clean: the fakes and the validator agree on the specs."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from lmskit.fakes import get_fake
from lmskit.fakes.app import build_app
from lmskit.fakes.server import FakeServer
from tests.conftest import run_lmskit

ADA = "6b2d9c1e-3f4a-4b5c-8d6e-7f8a9b0c1d2e"
SAFETY = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
LESSON = "e3a1b7c2-5d4f-4a8e-9b6c-1f2d3e4a5b6c"


class HarRecorder:
    def __init__(self) -> None:
        self.entries: list[dict] = []

    def __call__(self, response: httpx.Response) -> None:
        response.read()
        self.entries.append(
            {
                "request": {"method": response.request.method, "url": str(response.request.url), "headers": []},
                "response": {
                    "status": response.status_code,
                    "headers": [{"name": k, "value": v} for k, v in response.headers.items()],
                    "content": {"mimeType": response.headers.get("content-type", ""), "text": response.text},
                },
            }
        )

    def save(self, path: Path) -> Path:
        path.write_text(json.dumps({"log": {"version": "1.2", "entries": self.entries}}), encoding="utf-8")
        return path


def record(vendor: str, calls, tmp_path: Path) -> tuple[Path, int]:
    fake = get_fake(vendor)
    recorder = HarRecorder()
    server = FakeServer(build_app(fake))
    with server, httpx.Client(base_url=server.base_url, event_hooks={"response": [recorder]}) as client:
        calls(client)
    return recorder.save(tmp_path / f"{vendor}.har"), len(recorder.entries)


def test_absorb_traffic_validates_clean(tmp_path) -> None:
    def calls(client: httpx.Client) -> None:
        key = {"x-api-key": "2f6a1d3c-8b4e-4f1a-9c7d-5e3b2a1f0d9c", "x-api-version": "2"}
        token = client.post(
            "/authenticate",
            headers=key,
            json={"username": "api.admin", "password": "fake-admin-password", "privateKey": key["x-api-key"]},
        ).json()
        client.headers.update({**key, "Authorization": f"Bearer {token}"})
        client.get("/myenrollments")
        client.get(f"/courses/{SAFETY}/enrollments", params={"_sort": "-fullName", "_limit": 2})
        client.get(f"/users/{ADA}/enrollments/{SAFETY}/lessons")
        attempt = client.post(f"/users/{ADA}/enrollments/{SAFETY}/lessons/{LESSON}/startattempt").json()["attemptId"]
        client.post(f"/attempts/{attempt}/finish", json={"status": 3, "score": 90})
        client.get(f"/users/{ADA}/enrollments/{SAFETY}/lessons/{LESSON}/attempts")
        client.get(f"/users/{ADA}/enrollments/{SAFETY}/chapters")
        client.get(f"/users/{ADA}/enrollments/{SAFETY}")
        assert client.get("/users/not-a-guid/enrollments").status_code == 422
        assert client.get(f"/enrollments/{SAFETY}").status_code == 404

    capture, count = record("absorb", calls, tmp_path)
    result = run_lmskit("validate", capture, "--vendor", "absorb", "--strict")
    assert result.exit_code == 0, result.stdout
    assert f"{count} response(s) from 1 file(s): {count} valid, 0 invalid" in result.stdout


def test_digitalchalk_and_bridge_traffic_validates_clean(tmp_path) -> None:
    def dc(client: httpx.Client) -> None:
        client.headers["Authorization"] = "Bearer dc-demo-token"
        created = client.post(
            "/registrations",
            json={"userId": "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e", "offeringId": "89cd2eada89133acedfad6d766a2d931"},
        )
        new_id = created.headers["location"].rsplit("/", 1)[1]
        client.put(f"/registrations/{new_id}", json={"grade": 88})
        client.get(f"/registrations/{new_id}")
        client.get("/registrations", params={"limit": 2, "offset": 1})
        ejected = client.put("/registrations/2319ac8de813d1365436781910787721", json={"status": "ejected"})
        assert ejected.status_code == 400
        assert client.get("/registrations", headers={"Authorization": "Bearer wrong"}).status_code == 401

    def bridge(client: httpx.Client) -> None:
        client.headers["Authorization"] = "Bearer bridge-demo-token"
        client.post("/api/author/programs/1/learners", json={"enrollments": [{"user_id": 44}]})
        client.get("/api/author/programs/1/learners", params={"limit": 1, "sort": "-name"})
        client.patch("/api/author/programs/1/learners/7", json={"enrollments": [{"end_at": "2030-01-01T00:00:00Z"}]})
        client.delete("/api/author/programs/1/learners/8")
        client.get("/api/author/programs/1/learners", params={"with_deleted": "true"})
        assert client.get("/api/author/programs/404/learners").status_code == 404

    for vendor, calls in (("digitalchalk", dc), ("bridge", bridge)):
        capture, count = record(vendor, calls, tmp_path)
        result = run_lmskit("validate", capture, "--vendor", vendor, "--strict")
        assert result.exit_code == 0, result.stdout
        assert f"{count} valid, 0 invalid" in result.stdout
