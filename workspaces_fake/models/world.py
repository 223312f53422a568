"""WorkSpaces, directories, bundles and images: the world the other operations act on.

The models live in one module each (:mod:`.workspace`, :mod:`.directory`, :mod:`.bundle`, :mod:`.image`)
and are re-exported here. :class:`WorldArrange` is mixed into the backend: it seeds Amazon's public
bundles and carries the test-facing ``add_*`` methods, which put resources straight into a ready state
(the API never does that: through boto3 everything goes through its lifecycle).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Optional, TypeVar, Union, cast

from . import application as _apps
from .bundle import AMAZON_OWNER, Bundle
from .catalog_bundles import BUNDLES, CATALOG_DATE, DEFAULT_BUNDLE_NAME, IMAGES, public_bundle_id
from .directory import DIRECTORY, Directory, new_directory
from .image import AMAZON_IMAGE_OWNER_ACCOUNT, IMAGE, Image
from .tags import add_tags
from .workspace import WORKSPACE, Workspace, WorkspaceIndex, WorkspaceProperties
from .workspace_rules import DEFAULT_AUTO_STOP_MINUTES

if TYPE_CHECKING:
    from ..backend import WorkspacesBackend

__all__ = ["Bundle", "Directory", "Image", "Workspace", "WorldArrange", "WorldSettings"]

F = TypeVar("F", bound=Callable[..., Any])
_IMAGE_NAME = re.compile(r"[a-zA-Z0-9_./()\\-]+")


@dataclass
class WorldSettings:
    """Rules of the real service that get in the way of most tests, so they are off unless turned on.

    The cool-downs are AWS's documented ones when enabled with :meth:`use_aws_cooldowns`: each volume may
    grow once per 6 hours; compute may be upsized once per 6 hours and downsized once per 30 days; a new
    WorkSpace waits 6 hours before its first upsize.
    """

    volume_cooldown: Optional[timedelta] = None
    compute_upsize_cooldown: Optional[timedelta] = None
    compute_downsize_cooldown: Optional[timedelta] = None
    new_workspace_upsize_wait: Optional[timedelta] = None
    manual_running_mode_allowed: bool = False
    workspace_quota: Optional[int] = None

    def use_aws_cooldowns(self) -> WorldSettings:
        """Turn on every cool-down window with AWS's durations; returns self for chaining."""
        self.volume_cooldown = timedelta(hours=6)
        self.compute_upsize_cooldown = timedelta(hours=6)
        self.compute_downsize_cooldown = timedelta(days=30)
        self.new_workspace_upsize_wait = timedelta(hours=6)
        return self


def default_properties(
    bundle: Bundle, running_mode: str = "ALWAYS_ON", timeout: Optional[int] = None
) -> WorkspaceProperties:
    """What a WorkSpace created from ``bundle`` starts with when the request leaves properties out."""
    if running_mode == "AUTO_STOP" and timeout is None:
        timeout = DEFAULT_AUTO_STOP_MINUTES
    return WorkspaceProperties(
        running_mode=running_mode,
        running_mode_auto_stop_timeout_in_minutes=timeout,
        root_volume_size_gib=bundle.root_volume_size_gib,
        user_volume_size_gib=bundle.user_volume_size_gib,
        compute_type_name=bundle.compute_type_name,
        operating_system_name=bundle.operating_system_name,
        protocols=bundle.protocols,
    )


def new_workspace(
    backend: WorkspacesBackend,
    *,
    directory_id: str,
    user_name: str,
    bundle: Bundle,
    properties: WorkspaceProperties,
) -> Workspace:
    """A WorkSpace object with a fresh id; :func:`admit_workspace` makes it exist."""
    return Workspace(
        workspace_id=backend.ids.mint("ws", 9),
        directory_id=directory_id,
        user_name=user_name,
        bundle_id=bundle.bundle_id,
        properties=properties,
        created=backend.clock.now(),
        order=backend.workspace_index.next_order(),
    )


def admit_workspace(
    backend: WorkspacesBackend,
    ws: Workspace,
    state: str,
    tags: Optional[Mapping[str, str]] = None,
    at: Optional[datetime] = None,
) -> Workspace:
    """Store and index ``ws``, put it into ``state`` (now, or ``at``) and tell the applications family."""
    backend.workspaces.put(ws.workspace_id, ws)
    backend.workspace_index.add(ws)
    if tags:
        add_tags(backend, ws.workspace_id, tags)
    backend.lifecycle.enter(ws, WORKSPACE, state, at)
    _apps.on_workspace_created(backend, ws)
    return ws


def visible_bundle(backend: WorkspacesBackend, bundle_id: str) -> Optional[Bundle]:
    """The bundle if it is public or the caller's own (the only bundles an account can use)."""
    bundle = backend.bundles.peek(bundle_id)
    if bundle is None or not (bundle.is_public or bundle.owner == backend.account_id):
        return None
    return bundle


def _locked(method: F) -> F:
    """Hold the backend's lock for an arrange call, as the pipeline does for API calls."""

    @functools.wraps(method)
    def locked(self: WorldArrange, *args: Any, **kwargs: Any) -> Any:
        with self._world_backend().lock:
            return method(self, *args, **kwargs)

    return cast(F, locked)


class WorldArrange:
    """The arrange API for WorkSpaces, directories, bundles and images (mixed into the backend)."""

    workspace_index: WorkspaceIndex
    """Secondary indexes of the WorkSpaces (rebuilt by every reset)."""

    _settings: Optional[WorldSettings] = None
    _default_directory_id: Optional[str] = None
    _user_counter: int = 0

    @property
    def settings(self) -> WorldSettings:
        """Switches for the service rules that are off by default (cool-downs, MANUAL mode, quota).

        Settings are configuration, not state: ``reset()`` keeps them.
        """
        if self._settings is None:
            self._settings = WorldSettings()
        return self._settings

    def _reset_world(self) -> None:
        """Fresh indexes and no default directory (a new or reset backend)."""
        self._world_backend().workspace_index = WorkspaceIndex()
        self._default_directory_id = None

    def _seed_world(self) -> None:
        """Amazon's public images and bundles (stable ids, see catalog_bundles)."""
        b = self._world_backend()
        for spec in IMAGES:
            image = Image(
                image_id=spec.image_id,
                name=spec.name,
                operating_system_name=spec.operating_system_name,
                owner_account_id=AMAZON_IMAGE_OWNER_ACCOUNT,
                created=CATALOG_DATE,
                description=spec.experience,
                state="AVAILABLE",
                state_since=CATALOG_DATE,
            )
            b.images.put(image.image_id, image)
        for entry in BUNDLES:
            self._put_bundle(
                Bundle(
                    bundle_id=entry.bundle_id,
                    name=entry.name,
                    owner=AMAZON_OWNER,
                    image_id=entry.image.image_id,
                    compute_type_name=entry.compute,
                    root_volume_size_gib=entry.spec.root_gib,
                    user_volume_size_gib=entry.spec.user_gib,
                    operating_system_name=entry.image.operating_system_name,
                    protocols=entry.protocols,
                    creation_time=CATALOG_DATE,
                    last_updated_time=CATALOG_DATE,
                    description=entry.description,
                )
            )

    def _world_backend(self) -> WorkspacesBackend:
        return cast("WorkspacesBackend", self)

    def _put_bundle(self, bundle: Bundle) -> Bundle:
        b = self._world_backend()
        b.bundles.put(bundle.bundle_id, bundle)
        _apps.on_bundle_created(b, bundle)
        return bundle

    @_locked
    def add_directory(
        self,
        directory_id: Optional[str] = None,
        *,
        directory_name: str = "corp.example.com",
        alias: Optional[str] = None,
        directory_type: str = "SIMPLE_AD",
        subnet_ids: Optional[list[str]] = None,
        tags: Optional[Mapping[str, str]] = None,
    ) -> Directory:
        """A directory registered with WorkSpaces and already REGISTERED (a fresh ``d-`` id by default)."""
        b = self._world_backend()
        directory = new_directory(
            b,
            directory_id or b.ids.hex("d", 10),
            directory_name=directory_name,
            alias=alias,
            subnet_ids=subnet_ids,
        )
        directory.directory_type = directory_type
        b.directories.put(directory.directory_id, directory)
        add_tags(b, directory.directory_id, tags or {})
        b.lifecycle.enter(directory, DIRECTORY, "REGISTERED")
        return directory

    @_locked
    def add_image(
        self,
        name: str,
        *,
        operating_system_name: str = "WINDOWS_SERVER_2022",
        applications: Iterable[Any] = (),
        description: str = "",
        state: str = "AVAILABLE",
    ) -> Image:
        """An image owned by this account; ``applications`` (ids or Application models) are preinstalled."""
        b = self._world_backend()
        if not _IMAGE_NAME.fullmatch(name) or len(name) > 64:
            raise ValueError(f"image names may only use letters, digits and _./()- (max 64); got {name!r}")
        now = b.clock.now()
        image = Image(
            image_id=b.ids.mint("wsi", 9),
            name=name,
            operating_system_name=operating_system_name,
            owner_account_id=b.account_id,
            created=now,
            description=description or None,
            preinstalled_application_ids=[_application_id(app) for app in applications],
        )
        b.images.put(image.image_id, image)
        b.lifecycle.enter(image, IMAGE, state)
        return image

    @_locked
    def add_bundle(
        self,
        name: str,
        *,
        image_id: Optional[str] = None,
        compute_type_name: str = "STANDARD",
        root_volume_size_gib: int = 80,
        user_volume_size_gib: int = 50,
        operating_system_name: str = "WINDOWS_SERVER_2022",
        description: str = "",
        protocols: tuple[str, ...] = ("PCOIP",),
    ) -> Bundle:
        """A bundle owned by this account; without ``image_id`` an image for it is made first."""
        b = self._world_backend()
        if image_id is None:
            image = self.add_image(_image_name_for(name), operating_system_name=operating_system_name)
        else:
            found = b.images.peek(image_id)
            if found is None:
                raise ValueError(f"add_bundle: there is no image {image_id}")
            image = found
        now = b.clock.now()
        bundle = Bundle(
            bundle_id=b.ids.mint("wsb", 9),
            name=name,
            owner=b.account_id,
            image_id=image.image_id,
            compute_type_name=compute_type_name,
            root_volume_size_gib=root_volume_size_gib,
            user_volume_size_gib=user_volume_size_gib,
            operating_system_name=image.operating_system_name,
            protocols=tuple(protocols),
            creation_time=now,
            last_updated_time=now,
            description=description or None,
        )
        return self._put_bundle(bundle)

    @_locked
    def add_workspace(
        self,
        *,
        user_name: Optional[str] = None,
        directory_id: Optional[str] = None,
        bundle_id: Optional[str] = None,
        compute_type_name: Optional[str] = None,
        running_mode: str = "ALWAYS_ON",
        state: str = "AVAILABLE",
        tags: Optional[Mapping[str, str]] = None,
        root_volume_size_gib: Optional[int] = None,
        user_volume_size_gib: Optional[int] = None,
        running_mode_auto_stop_timeout_in_minutes: Optional[int] = None,
        workspace_name: Optional[str] = None,
    ) -> Workspace:
        """A WorkSpace straight in ``state`` (AVAILABLE by default), in one line.

        Defaults: the default directory (made on first use; an unknown ``directory_id`` is registered),
        the public "Standard with Windows 10 (Server 2022 based)" bundle, a generated user name.
        """
        b = self._world_backend()
        directory = self._directory_for_arrange(directory_id)
        bundle = self._bundle_for_arrange(bundle_id)
        name = user_name or self._free_user_name(directory.directory_id)
        if b.workspace_index.live_of_user(directory.directory_id, name) is not None:
            raise ValueError(f"add_workspace: {name!r} already has a WorkSpace in {directory.directory_id}")
        props = default_properties(bundle, running_mode, running_mode_auto_stop_timeout_in_minutes)
        if compute_type_name is not None:
            props.compute_type_name = compute_type_name
        if root_volume_size_gib is not None:
            props.root_volume_size_gib = root_volume_size_gib
        if user_volume_size_gib is not None:
            props.user_volume_size_gib = user_volume_size_gib
        ws = new_workspace(
            b, directory_id=directory.directory_id, user_name=name, bundle=bundle, properties=props
        )
        ws.workspace_name = workspace_name
        return admit_workspace(b, ws, state, tags)

    def _directory_for_arrange(self, directory_id: Optional[str]) -> Directory:
        b = self._world_backend()
        if directory_id is not None:
            return b.directories.peek(directory_id) or self.add_directory(directory_id)
        found = b.directories.peek(self._default_directory_id or "")
        if found is None:
            found = self.add_directory()
            self._default_directory_id = found.directory_id
        return found

    def _bundle_for_arrange(self, bundle_id: Optional[str]) -> Bundle:
        b = self._world_backend()
        wanted = bundle_id or public_bundle_id(DEFAULT_BUNDLE_NAME)
        bundle = visible_bundle(b, wanted)
        if bundle is None:
            raise ValueError(f"add_workspace: there is no bundle {wanted} in this account")
        return bundle

    def _free_user_name(self, directory_id: str) -> str:
        b = self._world_backend()
        while True:
            self._user_counter += 1
            candidate = f"user{self._user_counter:05d}"
            if not b.workspace_index.of_user(directory_id, candidate):
                return candidate


def _application_id(app: Union[str, Any]) -> str:
    return app if isinstance(app, str) else str(app.application_id)


def _image_name_for(bundle_name: str) -> str:
    cleaned = re.sub(r"[^a-zA-Z0-9_./()\\-]+", "_", bundle_name).strip("_") or "image"
    return cleaned[:64]
