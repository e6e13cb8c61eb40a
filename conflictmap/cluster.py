"""Extraction on a Dask cluster: `ingest --cluster local:N` (a LocalCluster of N worker processes on this
machine) or `--cluster tcp://scheduler:8786` (a running scheduler and its workers, on other machines too).

The client reads the files and builds the batch's context (context.py), sends the gazetteer and the context
to every worker once, and submits extraction as tasks over small batches of articles. Results stream back
as they finish and are handed to the one writer in the articles' order, so the store ends the same as after
a one-process ingest. A worker that dies takes its tasks with it: Dask runs them again elsewhere, and each
batch is written once.
"""
from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from .config import StoreError
from .context import Context
from .events import extract
from .gazetteer import Gazetteer
from .models import Article, Event

TASK_ARTICLES = 16  # articles per task: small enough that a lost worker costs little, big enough to amortise
_LOCAL = re.compile(r"^local:(\d+)$")


class ClusterError(StoreError):
    """A cluster address that cannot be used; the message says why."""


@contextmanager
def client_for(address: str):
    """A dask.distributed Client: of a LocalCluster started here for `local:N`, else of the scheduler at
    `tcp://host:port`; closed (and the LocalCluster stopped) on leaving."""
    from dask.distributed import Client, LocalCluster

    local = _LOCAL.match(address)
    if local:
        if int(local.group(1)) < 1:
            raise ClusterError(f"--cluster {address}: give at least one worker (local:2)")
        with LocalCluster(n_workers=int(local.group(1)), threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
        return
    if not address.startswith(("tcp://", "tls://")):
        raise ClusterError(f"--cluster {address}: give local:N or a scheduler's address, tcp://host:8786")
    try:
        client = Client(address, timeout="10s")
    except OSError as exc:
        raise ClusterError(f"--cluster {address}: the scheduler cannot be reached ({exc})") from None
    with client:
        yield client


def extract_many(client, articles: list[Article], gaz: Gazetteer) -> Iterator[list[Event]]:
    """Events of each article, in order, extracted on the cluster's workers (the same as
    pipeline.extract_many: one context for the whole batch)."""
    from dask.distributed import as_completed

    if not articles:
        return
    context = Context.of((a.text for a in articles), gaz)
    [shared] = client.scatter([(gaz, context)], broadcast=True)
    tasks = [articles[i:i + TASK_ARTICLES] for i in range(0, len(articles), TASK_ARTICLES)]
    run = uuid.uuid4().hex  # another ingest on the same scheduler has keys of its own
    futures = client.map(_extract_task, tasks, shared=shared, key=[f"extract-{run}-{i}" for i in range(len(tasks))])
    order = {future.key: i for i, future in enumerate(futures)}
    done: dict[int, list[list[Event]]] = {}
    following = 0
    for future in as_completed(futures):
        done[order[future.key]] = future.result()
        future.release()
        while following in done:
            yield from done.pop(following)
            following += 1


def _extract_task(articles: list[Article], shared: tuple[Gazetteer, Context]) -> list[list[Event]]:
    gaz, context = shared
    return [extract(article, gaz, context=context) for article in articles]
