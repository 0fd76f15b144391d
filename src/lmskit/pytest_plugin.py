"""pytest plugin (entry point ``pytest11``): the fakes and the validator as fixtures for your tests.

    def test_sync_marks_completion(absorb_fake, lmskit_validate):
        my_sync(base_url=absorb_fake.base_url, api_key=absorb_fake.credentials["API_KEY"])
        absorb_fake.control("POST", "advance", {...})
        assert [r["method"] for r in absorb_fake.requests()] == ["POST", "GET"]

Fixtures: ``digitalchalk_fake``, ``bridge_fake``, ``absorb_fake`` (a fresh fake on 127.0.0.1 per test) and
``lmskit_validate`` (asserts a response matches the spec). Both apply the overlays your project configures
(``lmskit.toml`` or ``[tool.lmskit]`` beside pytest's rootdir). Heavy imports wait until a fixture is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from lmskit.fakes.server import FakeServer
    from lmskit.spec.api import Api
    from lmskit.validation.results import ValidationResult


@dataclass
class RunningFake:
    """A fake served for one test: where it is, its seeded credentials, a ready client, its control API.

    Its repr names the fake and its URL only: a failing test prints its fixtures, and the credentials and
    headers hold tokens.
    """

    vendor: str
    server: FakeServer
    credentials: dict[str, str] = field(repr=False)
    headers: dict[str, str] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:
        return f"RunningFake({self.vendor!r}, base_url={self.base_url!r}, credentials=[{', '.join(self.credentials)}])"

    @property
    def base_url(self) -> str:
        return self.server.base_url

    @property
    def client(self) -> Any:
        """The generated client (``<vendor>_client.Client``), authenticated as the spec's security says."""
        package = importlib.import_module(f"{self.vendor}_client")
        return package.Client(base_url=self.base_url, headers=dict(self.headers), raise_on_unexpected_status=True)

    def control(self, method: str, path: str, json: Any = None) -> Any:
        """Call the control API: ``control("POST", "advance", {...})`` → the decoded JSON answer."""
        import httpx

        response = httpx.request(method, f"{self.server.root_url}/_lmskit/{path.lstrip('/')}", json=json, timeout=30)
        response.raise_for_status()
        return response.json()

    def requests(self) -> list[dict[str, Any]]:
        """What the fake received, oldest first: method, path, status, duration, time (the last 10,000)."""
        found: list[dict[str, Any]] = []
        after: int | None = 0
        while after is not None:
            page = self.control("GET", f"requests?after={after}&limit=10000")
            found.extend(page["requests"])
            after = page["next"]
        return found

    def reset(self) -> None:
        self.control("POST", "reset")

    def weather(self, schedule: dict[str, Any] | None) -> dict[str, Any]:
        """Put a weather schedule in force now (None: fair weather); the answer reports each rule."""
        if schedule is None:
            return self.control("DELETE", "weather")  # type: ignore[no-any-return]
        return self.control("PUT", "weather", schedule)  # type: ignore[no-any-return]

    def faults_met(self) -> list[str]:
        """The weather faults the fake's requests met, oldest first (each request logs the fault it met)."""
        return [entry["fault"] for entry in self.requests() if entry.get("fault")]


def _project_api(vendor: str, rootdir: Path) -> Api:
    """The vendor's Api with the overlays the user's project configures."""
    from lmskit.project import find_config, load_apis

    return load_apis([vendor], find_config(rootdir).overlays)[vendor]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "lmskit_weather(schedule, vendor=None): serve the lmskit fakes of this test under a weather schedule"
        " (a dict, or a YAML/JSON file's path; see docs/weather.md); vendor= picks one fake",
    )


def _weather_for(request: pytest.FixtureRequest, vendor: str) -> Any:
    """The schedule the test's ``lmskit_weather`` markers give this vendor's fake (the closest one wins); a path
    is read relative to the test's file. A broken one fails the test with one line, before any request."""
    from lmskit.fakes.weather import WeatherError, read_schedule

    for marker in request.node.iter_markers("lmskit_weather"):
        chosen = marker.kwargs.get("vendor")
        if chosen is not None and chosen != vendor:
            continue
        if not marker.args:
            pytest.fail("lmskit_weather needs a schedule: @pytest.mark.lmskit_weather({...}) or a path", pytrace=False)
        schedule = marker.args[0]
        if isinstance(schedule, (str, Path)):
            try:
                return read_schedule(request.path.parent / schedule)
            except WeatherError as exc:
                problem = str(exc)
            pytest.fail(f"lmskit_weather: {problem}", pytrace=False)  # outside the except: no chained report
        return schedule
    return None


def _serve(vendor: str, rootdir: Path, weather: Any = None) -> Iterator[RunningFake]:
    from lmskit.extras import require

    require("fakes", f"the {vendor}_fake fixture")
    from lmskit.contract.auth import Authenticator
    from lmskit.contract.credentials import Credentials
    from lmskit.fakes import get_fake
    from lmskit.fakes.app import build_app
    from lmskit.fakes.server import FakeServer
    from lmskit.fakes.weather import WeatherError

    api = _project_api(vendor, rootdir)
    fake = get_fake(vendor)
    # Strict: a bug in the fake answers 500 naming it, so the user's test fails instead of seeing a made-up 400.
    app = build_app(fake, api=api, strict=True)
    problem = None
    try:
        forecast = app.state.forecast(weather, "lmskit_weather") if weather is not None else None
    except WeatherError as exc:
        problem = str(exc)
    if problem is not None:
        pytest.fail(problem, pytrace=False)
    credentials = fake.credentials(app.state.seed)
    with FakeServer(app) as server:
        running = RunningFake(vendor, server, credentials)
        authenticator = Authenticator(api, Credentials(credentials), _sender(server.base_url))
        running.headers = {**authenticator.current(), **_shared_default_headers(api)}
        # In force from the test's first request: the fixture's own token fetch above met no fault.
        app.state.weather = forecast
        yield running


def _sender(base_url: str) -> Callable[..., Any]:
    import httpx

    def send(method: str, path: str, headers: dict[str, str], json: Any) -> httpx.Response:
        return httpx.request(method, base_url + path, headers=headers, json=json, timeout=30)

    return send


def _shared_default_headers(api: Api) -> dict[str, str]:
    """The default headers every operation sends alike (Absorb's x-api-version: 2), for the ready client."""
    shared: dict[str, str] | None = None
    for operation in api.operations.values():
        found = api.request_shape(operation).default_headers()
        shared = found if shared is None else {k: v for k, v in shared.items() if found.get(k) == v}
    return shared or {}


@pytest.fixture
def digitalchalk_fake(pytestconfig: pytest.Config, request: pytest.FixtureRequest) -> Iterator[RunningFake]:
    """A DigitalChalk fake on 127.0.0.1 for this test (base URL ends in /dc/api/v5)."""
    yield from _serve("digitalchalk", pytestconfig.rootpath, _weather_for(request, "digitalchalk"))


@pytest.fixture
def bridge_fake(pytestconfig: pytest.Config, request: pytest.FixtureRequest) -> Iterator[RunningFake]:
    """A Bridge fake on 127.0.0.1 for this test."""
    yield from _serve("bridge", pytestconfig.rootpath, _weather_for(request, "bridge"))


@pytest.fixture
def absorb_fake(pytestconfig: pytest.Config, request: pytest.FixtureRequest) -> Iterator[RunningFake]:
    """An Absorb fake on 127.0.0.1 for this test; ``.client`` carries x-api-key, a token and x-api-version."""
    yield from _serve("absorb", pytestconfig.rootpath, _weather_for(request, "absorb"))


@pytest.fixture
def lmskit_validate(pytestconfig: pytest.Config) -> Callable[..., ValidationResult]:
    """``lmskit_validate("absorb", "getCourseEnrollment", 200, body)``: fails the test with every violation."""
    from lmskit.project import find_config, overlays_by_vendor
    from lmskit.validation.run import validate
    from lmskit.vendors import VENDORS

    layers = overlays_by_vendor(find_config(pytestconfig.rootpath).overlays, list(VENDORS))

    def check(
        vendor: str, operation: str, status: int, body: Any, headers: Mapping[str, str] | None = None
    ) -> ValidationResult:
        overlays = [overlay.path for overlay in layers.get(vendor, ())]
        result = validate(vendor, operation, status, body, headers, overlays=overlays)
        if not result.valid:
            lines = "\n".join(f"  {issue.pointer or '/'}: {issue.message}" for issue in result.errors)
            pytest.fail(f"{vendor} {operation} {status} does not match the spec:\n{lines}", pytrace=False)
        return result

    return check
