#!/usr/bin/env python3
"""Gateway benchmark: start-up time, idle RSS, backlog replay rate and RSS under load, per build of edge/CloudClinic.Edge.

Usage: bench.py NAME=COMMAND [NAME=COMMAND ...] [--readings 100000]
  COMMAND starts the gateway, e.g. jit="dotnet /path/CloudClinic.Edge.dll" or aot=/path/CloudClinic.Edge.
For each build: (1) fresh start with an empty outbox and no meters, connected to mosquitto: start-up time (exec to
the local page answering /status.json) and idle RSS after 5 s; (2) start on an outbox pre-filled with N readings:
replay rate (N / time from connected to backlog 0; every reading acknowledged by mosquitto, a QoS 1 subscriber
attached) and peak RSS during the replay. Before the builds it measures the ceiling on the same broker:
mosquitto_pub (C, one connection) publishing the same readings as the gateway's batch payloads (arrays of 500, QoS 1,
the gateway's default window of 4 in flight); each build's replay rate is printed as a share of that same-run
ceiling, because the machine may be shared with other work. Starts its own mosquitto on 127.0.0.1; ends only what
it started.
"""
import json
import os
import shlex
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

CLINIC, GATEWAY = "bench-clinic", "bench-gw"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fill_outbox(path, count):
    """The gateway's outbox schema (OutboxDatabase) with `count` CCLP/1 blood-pressure readings, oldest first."""
    db = sqlite3.connect(path)
    db.executescript("""
        PRAGMA auto_vacuum = INCREMENTAL; PRAGMA journal_mode = WAL;
        CREATE TABLE outbox (reading_id TEXT NOT NULL PRIMARY KEY, urgent INTEGER NOT NULL,
                             received_at INTEGER NOT NULL, payload BLOB NOT NULL);
        CREATE INDEX outbox_send_order ON outbox (urgent);
        CREATE TABLE rejected_frames (id INTEGER PRIMARY KEY AUTOINCREMENT, station TEXT NOT NULL,
                             received_at INTEGER NOT NULL, reason TEXT NOT NULL, raw BLOB NOT NULL);
        PRAGMA user_version = 1;""")
    base = 1_780_000_000_000
    rows = []
    for i in range(1, count + 1):
        ms = base + i * 1000
        at = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms / 1000)) + "+00:00"
        rid = f"cclp1-SIM-BENCH-bloodPressure-r{i}-{time.strftime('%Y%m%dT%H%M%S', time.gmtime(ms / 1000))}Z"
        reading = {
            "schema": "cloudclinic.reading/1", "readingId": rid, "clinicId": CLINIC, "gatewayId": GATEWAY,
            "patientId": None, "station": "bench", "kind": "bloodPressure", "measuredAt": at, "receivedAt": at,
            "device": {"model": "cclp1-simulated", "serial": "SIM-BENCH", "transport": "serial", "protocol": "cclp1"},
            "systolic": 120 + i % 30, "diastolic": 80 + i % 10, "pulse": 70, "originalUnit": "mmHg", "flags": [],
        }
        rows.append((rid, 0, ms, json.dumps(reading, separators=(",", ":")).encode()))
    db.executemany("INSERT INTO outbox VALUES (?, ?, ?, ?)", rows)
    db.commit()
    db.close()


def write_batches(template, path, batch=500):
    """The gateway's wire payloads for the template's readings: JSON arrays of `batch` stored objects, one per line."""
    db = sqlite3.connect(template)
    rows = [r[0] for r in db.execute("SELECT payload FROM outbox ORDER BY rowid")]
    db.close()
    with open(path, "wb") as f:
        for i in range(0, len(rows), batch):
            f.write(b"[" + b",".join(rows[i:i + batch]) + b"]\n")


def ceiling(mqtt_port, batches, count, window=4):
    """Readings/s of mosquitto_pub sending the same payloads at QoS 1 with `window` in flight (it exits when all are acked)."""
    begin = time.monotonic()
    subprocess.run(["mosquitto_pub", "-h", "127.0.0.1", "-p", str(mqtt_port), "-q", "1", "-M", str(window), "-l",
                    "-t", f"cloudclinic/v1/{CLINIC}/{GATEWAY}/readings"], stdin=open(batches, "rb"), check=True)
    return count / (time.monotonic() - begin)


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def status(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/status.json", timeout=1) as r:
            return json.load(r)
    except OSError:
        return None


def start_gateway(command, mqtt_port, outbox, page_port, workdir):
    env = dict(os.environ, DOTNET_ENVIRONMENT="Production", Mqtt__Url=f"mqtt://127.0.0.1:{mqtt_port}",
               Edge__ClinicId=CLINIC, Edge__GatewayId=GATEWAY, Edge__OutboxPath=outbox,
               Edge__OutboxBudgetBytes=str(1 << 30), Edge__LocalPage__Url=f"http://127.0.0.1:{page_port}",
               Logging__LogLevel__Default="Warning")
    log = open(os.path.join(workdir, "gateway.log"), "ab")
    return subprocess.Popen(shlex.split(command), env=env, stdout=log, stderr=subprocess.STDOUT, cwd=workdir)


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(predicate, timeout, what):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise TimeoutError(what)


def bench_build(name, command, mqtt_port, template, count, workdir):
    page = free_port()
    # (1) start-up and idle
    empty = os.path.join(workdir, f"{name}-empty.db")
    started = time.monotonic()
    gw = start_gateway(command, mqtt_port, empty, page, workdir)
    try:
        wait_for(lambda: status(page), 60, f"{name}: local page")
        startup = time.monotonic() - started
        wait_for(lambda: (status(page) or {}).get("uplinkConnected"), 30, f"{name}: broker connection")
        time.sleep(5)
        idle = rss_mib(gw.pid)
    finally:
        stop(gw)
    # (2) replay
    full = os.path.join(workdir, f"{name}-full.db")
    shutil.copy(template, full)
    gw = start_gateway(command, mqtt_port, full, page, workdir)
    peak = 0.0
    try:
        wait_for(lambda: status(page), 60, f"{name}: local page")
        begin = wait_for(lambda: time.monotonic() if (status(page) or {}).get("uplinkConnected") else None, 30, "connect")
        end = time.monotonic() + 300
        while time.monotonic() < end:
            peak = max(peak, rss_mib(gw.pid))
            s = status(page)
            if s and s["backlog"] == 0:
                break
            time.sleep(0.05)
        else:
            raise TimeoutError(f"{name}: backlog not replayed")
        replay = time.monotonic() - begin
    finally:
        stop(gw)
    return {"build": name, "startup_s": startup, "idle_rss_mib": idle, "replay_per_s": count / replay,
            "replay_s": replay, "load_peak_rss_mib": peak}


def main(argv):
    count = 100_000
    builds = []
    args = iter(argv)
    for arg in args:
        if arg == "--readings":
            count = int(next(args))
        else:
            name, _, command = arg.partition("=")
            builds.append((name, command))
    workdir = tempfile.mkdtemp(prefix="cloudclinic-gwbench-")
    mqtt_port = free_port()
    with open(os.path.join(workdir, "mosquitto.conf"), "w") as f:
        # PLATFORM-NOTES: no silent queue limits; TCP_NODELAY or delivery crawls under a queue.
        f.write(f"listener {mqtt_port} 127.0.0.1\nallow_anonymous true\nuser root\npersistence false\n"
                "max_queued_messages 0\nmax_queued_bytes 0\nmax_inflight_messages 0\nset_tcp_nodelay true\n")
    mosquitto = subprocess.Popen(["/usr/sbin/mosquitto", "-c", os.path.join(workdir, "mosquitto.conf")],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subscriber = None
    failed = False
    try:
        wait_for(lambda: socket.socket().connect_ex(("127.0.0.1", mqtt_port)) == 0, 10, "mosquitto")
        # A reading publish without any subscriber is not acknowledged as delivered (ReadingPublisher).
        subscriber = subprocess.Popen(["mosquitto_sub", "-h", "127.0.0.1", "-p", str(mqtt_port), "-q", "1",
                                       "-t", f"cloudclinic/v1/{CLINIC}/{GATEWAY}/readings"], stdout=subprocess.DEVNULL)
        time.sleep(0.5)
        template = os.path.join(workdir, "template.db")
        fill_outbox(template, count)
        batches = os.path.join(workdir, "batches.txt")
        write_batches(template, batches)
        top = ceiling(mqtt_port, batches, count)
        print(f"ceiling: mosquitto_pub, same {count} readings as arrays of 500, QoS 1, window 4: {top:.0f} readings/s")
        print(f"{'build':<10} {'start-up s':>10} {'idle RSS MiB':>12} {'replay/s':>10} {'of ceiling':>10} {'replay s':>9} {'load RSS MiB':>12}")
        for name, command in builds:
            try:
                r = bench_build(name, command, mqtt_port, template, count, workdir)
                print(f"{r['build']:<10} {r['startup_s']:>10.2f} {r['idle_rss_mib']:>12.1f} {r['replay_per_s']:>10.0f} "
                      f"{r['replay_per_s'] / top:>10.1%} {r['replay_s']:>9.2f} {r['load_peak_rss_mib']:>12.1f}", flush=True)
            except (TimeoutError, OSError) as e:
                failed = True
                print(f"{name:<10} failed: {e} (log kept: {workdir}/gateway.log)", flush=True)
        print(f"ceiling again after the builds: {ceiling(mqtt_port, batches, count):.0f} readings/s (machine load drift)")
    finally:
        if subscriber:
            stop(subscriber)
        stop(mosquitto)
    if not failed:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
