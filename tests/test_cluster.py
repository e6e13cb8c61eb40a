"""Ingest on a Dask cluster: a real LocalCluster of worker processes, one of them killed mid-run, gives the
same store as a one-process ingest."""
import os
import signal
import sqlite3
import threading
import time
from dataclasses import replace

import pytest
from conftest import variant_corpus

from conflictmap import cluster, pipeline, store
from conflictmap.config import settings

COPIES = 4  # about 150 articles: ten tasks


def fingerprint(db) -> list[tuple]:
    return sorted((e["place_id"], e["status"], e["date"], e["date_start"], e["date_end"], e["source_count"],
                   tuple(e["outlets"]), len(e["conflicts_with"]), e["quote"])
                  for e in store.merged_events(store.connect(db)))


def stored(db) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_a_killed_worker_loses_nothing(gaz, tmp_path):
    from dask.distributed import Client, LocalCluster

    folder = tmp_path / "corpus"
    folder.mkdir()
    total = variant_corpus(folder, COPIES)
    alone, spread = tmp_path / "alone.sqlite", tmp_path / "cluster.sqlite"
    pipeline.ingest_paths([folder], None, replace(settings(), db=alone), gaz)
    killed = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local, \
            Client(local) as client:
        victim = next(iter(client.run(os.getpid).values()))

        def kill_mid_run():
            deadline = time.monotonic() + 300
            while not stored(spread) and time.monotonic() < deadline:  # the first batch is written
                time.sleep(0.02)
            os.kill(victim, signal.SIGKILL)
            killed.append(stored(spread))

        killer = threading.Thread(target=kill_mid_run)
        killer.start()
        report = pipeline.ingest_paths([folder], None, replace(settings(), db=spread), gaz,
                                       cluster=local.scheduler_address)
        killer.join()
        client.wait_for_workers(2, timeout=120)
        # it died, and its nanny started another (a worker the scheduler still lists while it goes is skipped)
        assert victim not in client.run(os.getpid, on_error="ignore").values()
    assert killed and 0 < killed[0] < total, killed
    assert report.stored == total and stored(spread) == total
    assert fingerprint(spread) == fingerprint(alone)


def test_a_cluster_address_that_cannot_be_used_is_refused():
    for address, message in (("local:0", "at least one worker"), ("mesos://x", "give local:N or")):
        with pytest.raises(cluster.ClusterError, match=message):
            with cluster.client_for(address):
                pass
