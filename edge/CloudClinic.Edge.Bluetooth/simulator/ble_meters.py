# -*- coding: utf-8 -*-
'''CloudClinic BLE meter simulator: a python-dbusmock template (BlueZ 5 + GATT).

Run on a private bus (never the machine's system bus):
    DBUS_SYSTEM_BUS_ADDRESS=unix:path=/tmp/x/bus \
    /usr/bin/python3 -m dbusmock --system --template ble_meters.py -p '{"glucoseBacklog": 500}'

It extends the stock bluez5 template with what bluetoothd does for a GATT client:
- adapter hci0; device objects appear when discovery starts (like BlueZ, which only knows what it has seen);
- Connect adds the GATT tree (services, characteristics) and sets ServicesResolved;
- a blood pressure meter (service 0x1810: 0x2A35 indicate, 0x2A36 notify; Current Time 0x2A2B read/write;
  Device Information 0x2A24 model / 0x2A25 serial) that sends queued measurements once indications are on;
- a glucose meter (service 0x1808: 0x2A18 + 0x2A34 notify, RACP 0x2A52 write + indicate; 0x2A2B; DIS) holding a
  backlog of stored records and answering RACP "report all", "report sequence >= N", "count" and "abort".

Backlog record n (1-based), encoded here independently of the C# parsers (GATT Specification Supplement):
- 0x2A18: flags 0x02 (concentration, kg/L) | 0x10 when n % 3 == 0 (context follows); sequence n; base time
  2024-03-01 06:00 + n hours; SFLOAT mantissa = mg/dL, exponent -5 (kg/L); type/location 0x11;
  mg/dL = 70 + (n * 37) % 230.
- 0x2A34 (only when n % 3 == 0): flags 0x02 (meal), sequence n, meal = 1 + (n // 3) % 5.

Control interface org.cloudclinic.BleSim on "/" (for tests and the demo):
  QueueBloodPressure(q, ay)   a 0x2A35 indication or 0x2A36 notification the BP meter sends, in order, once
                              (or as soon as) indications are on
  SetGlucoseBacklog(u n)      stored records 1..n
  AppendGlucoseRecords(u n)   n more records after the last one
  SetFault(s name, u value)   'disconnect-after' n (next transfer drops the link after n records, once),
                              'garble-sequence' n (record n is sent truncated), 'racp-code' c (next RACP
                              request is answered with response code c), 'none' (clear all)
  SetClockOffset(s meter, i seconds)  meter clock = real clock + seconds ('bp' or 'glucose')
  DisconnectMeter(s meter)    drop the link now (the meter walked out of range)
  GetWrites(s uuid16) -> as   hex of every value the gateway wrote to that characteristic (e.g. '2a52')
  GetStats() -> a{sv}         'maxConcurrentConnections', 'connects', 'recordsSent'
'''

import datetime
import time

import dbus
from gi.repository import GLib

from dbusmock import mockobject
from dbusmock.templates import bluez5
# The stock template's D-Bus methods (AddAdapter, AddDevice, ...) become this template's by import.
from dbusmock.templates.bluez5 import (  # noqa: F401  pylint: disable=unused-import
    AddAdapter, AddDevice, BlockDevice, ConnectDevice, DisconnectDevice, PairDevice, RemoveAdapter,
    RemoveAdapterWithDevices)

BUS_NAME = bluez5.BUS_NAME
MAIN_OBJ = bluez5.MAIN_OBJ
SYSTEM_BUS = True
IS_OBJECT_MANAGER = True

SIM_IFACE = 'org.cloudclinic.BleSim'
DEVICE_IFACE = 'org.bluez.Device1'
ADAPTER_IFACE = 'org.bluez.Adapter1'
SERVICE_IFACE = 'org.bluez.GattService1'
CHAR_IFACE = 'org.bluez.GattCharacteristic1'
OM_IFACE = 'org.freedesktop.DBus.ObjectManager'

STATE = {}


def uuid16(short):
    return f'0000{short:04x}-0000-1000-8000-00805f9b34fb'


def sfloat(mantissa, exponent):
    return ((exponent & 0xF) << 12) | (mantissa & 0x0FFF)


def glucose_record(n):
    mgdl = 70 + (n * 37) % 230
    has_context = n % 3 == 0
    flags = 0x02 | (0x10 if has_context else 0)
    t = datetime.datetime(2024, 3, 1, 6, 0, 0) + datetime.timedelta(hours=n)
    conc = sfloat(mgdl, -5)
    seq = n & 0xFFFF
    measurement = bytes([flags, seq & 0xFF, seq >> 8, t.year & 0xFF, t.year >> 8, t.month, t.day, t.hour,
                         t.minute, t.second, conc & 0xFF, conc >> 8, 0x11])
    context = bytes([0x02, seq & 0xFF, seq >> 8, 1 + (n // 3) % 5]) if has_context else None
    return n, measurement, context


def exact_time_256(offset_seconds):
    t = datetime.datetime.now() + datetime.timedelta(seconds=offset_seconds)
    return bytes([t.year & 0xFF, t.year >> 8, t.month, t.day, t.hour, t.minute, t.second, t.isoweekday(), 0, 0])


def decode_exact_time(value):
    year = value[0] | (value[1] << 8)
    return datetime.datetime(year, value[2], value[3], value[4], value[5], value[6])


def dbus_bytes(data):
    return dbus.Array([dbus.Byte(b) for b in data], signature='y')


# ---- meters ---------------------------------------------------------------------------------------------

def meter_defaults(parameters):
    bp = {
        'key': 'bp', 'address': 'C0:26:DA:00:00:01', 'name': 'A&D UA-651BLE', 'service': 0x1810,
        'model': 'UA-651BLE', 'serial': 'BP0001', 'clockOffsetSeconds': 0, 'currentTime': True,
    }
    glucose = {
        'key': 'glucose', 'address': 'C0:26:DA:00:00:02', 'name': 'Contour Next One', 'service': 0x1808,
        'model': 'Contour Next One', 'serial': 'GL0001', 'clockOffsetSeconds': 0, 'currentTime': True,
    }
    bp.update(parameters.get('bp', {}))
    glucose.update(parameters.get('glucose', {}))
    return {'bp': bp, 'glucose': glucose}


def device_path(meter):
    return '/org/bluez/hci0/dev_' + meter['address'].replace(':', '_').upper()


def char_object(path, service_path, short, flags, on_write=None, on_read=None, value=b''):
    props = {
        'UUID': dbus.String(uuid16(short)), 'Service': dbus.ObjectPath(service_path),
        'Value': dbus_bytes(value), 'Notifying': dbus.Boolean(False), 'Flags': dbus.Array(flags, signature='s'),
    }

    def read_value(obj, _options):
        data = on_read() if on_read else bytes(obj.props[CHAR_IFACE]['Value'])
        return dbus_bytes(data)

    def write_value(obj, value, _options):
        data = bytes(value)
        STATE['writes'].setdefault(f'{short:04x}', []).append(data.hex())
        if on_write:
            on_write(obj, data)

    def start_notify(obj):
        obj.props[CHAR_IFACE]['Notifying'] = dbus.Boolean(True)
        obj.EmitSignal(dbus.PROPERTIES_IFACE, 'PropertiesChanged', 'sa{sv}as',
                       [CHAR_IFACE, {'Notifying': dbus.Boolean(True, variant_level=1)}, []])
        STATE['on_notify'].get(path, lambda: None)()

    def stop_notify(obj):
        obj.props[CHAR_IFACE]['Notifying'] = dbus.Boolean(False)

    mockobject.objects['/'].AddObject(path, CHAR_IFACE, props, [
        ('ReadValue', 'a{sv}', 'ay', read_value),
        ('WriteValue', 'aya{sv}', '', write_value),
        ('StartNotify', '', '', start_notify),
        ('StopNotify', '', '', stop_notify),
    ])


def emit_value(path, data):
    obj = mockobject.objects[path]
    if not obj.props[CHAR_IFACE]['Notifying']:
        return False
    obj.UpdateProperties(CHAR_IFACE, {'Value': dbus_bytes(data)})
    return True


def add_gatt(meter):
    dev = device_path(meter)
    root = mockobject.objects['/']
    svc = dev + '/service0010'
    root.AddObject(svc, SERVICE_IFACE, {'UUID': dbus.String(uuid16(meter['service'])),
                                        'Device': dbus.ObjectPath(dev), 'Primary': dbus.Boolean(True)}, [])
    meter['chars'] = {}
    if meter['key'] == 'bp':
        meter['chars'][0x2A35] = svc + '/char0011'
        char_object(svc + '/char0011', svc, 0x2A35, ['indicate'])
        meter['chars'][0x2A36] = svc + '/char0014'
        char_object(svc + '/char0014', svc, 0x2A36, ['notify'])
        STATE['on_notify'][svc + '/char0011'] = lambda: GLib.timeout_add(20, flush_bp_queue)
    else:
        meter['chars'][0x2A18] = svc + '/char0011'
        char_object(svc + '/char0011', svc, 0x2A18, ['notify'])
        meter['chars'][0x2A34] = svc + '/char0014'
        char_object(svc + '/char0014', svc, 0x2A34, ['notify'])
        meter['chars'][0x2A52] = svc + '/char0017'
        char_object(svc + '/char0017', svc, 0x2A52, ['write', 'indicate'], on_write=racp_write)
    dis = dev + '/service0030'
    root.AddObject(dis, SERVICE_IFACE, {'UUID': dbus.String(uuid16(0x180A)), 'Device': dbus.ObjectPath(dev),
                                        'Primary': dbus.Boolean(True)}, [])
    char_object(dis + '/char0031', dis, 0x2A24, ['read'], value=meter['model'].encode())
    char_object(dis + '/char0033', dis, 0x2A25, ['read'], value=meter['serial'].encode())
    if meter['currentTime']:
        cts = dev + '/service0040'
        root.AddObject(cts, SERVICE_IFACE, {'UUID': dbus.String(uuid16(0x1805)), 'Device': dbus.ObjectPath(dev),
                                            'Primary': dbus.Boolean(True)}, [])

        def write_time(_obj, data):
            if len(data) >= 7:
                written = decode_exact_time(data)
                meter['clockOffsetSeconds'] = (written - datetime.datetime.now()).total_seconds()

        char_object(cts + '/char0041', cts, 0x2A2B, ['read', 'write', 'notify'],
                    on_read=lambda: exact_time_256(meter['clockOffsetSeconds']), on_write=write_time)


def set_connected(meter, connected):
    dev = mockobject.objects[device_path(meter)]
    dev.props[DEVICE_IFACE]['Connected'] = dbus.Boolean(connected)
    dev.props[DEVICE_IFACE]['ServicesResolved'] = dbus.Boolean(connected)
    if not connected:
        for path in meter.get('chars', {}).values():
            mockobject.objects[path].props[CHAR_IFACE]['Notifying'] = dbus.Boolean(False)
        meter['transfer'] = None
    STATE['connected'] = sum(1 for m in STATE['meters'].values() if m.get('connected'))
    dev.EmitSignal(dbus.PROPERTIES_IFACE, 'PropertiesChanged', 'sa{sv}as', [DEVICE_IFACE, {
        'Connected': dbus.Boolean(connected, variant_level=1),
        'ServicesResolved': dbus.Boolean(connected, variant_level=1)}, []])


def make_connect(meter):
    def connect(_dev):
        if meter.get('connected'):
            raise dbus.exceptions.DBusException('Already Connected', name='org.bluez.Error.AlreadyConnected')
        meter['connected'] = True
        STATE['connects'] += 1
        current = sum(1 for m in STATE['meters'].values() if m.get('connected'))
        STATE['maxConcurrent'] = max(STATE['maxConcurrent'], current)
        if 'chars' not in meter:
            add_gatt(meter)
        set_connected(meter, True)

    def disconnect(_dev):
        if not meter.get('connected'):
            raise dbus.exceptions.DBusException('Not Connected', name='org.bluez.Error.NotConnected')
        meter['connected'] = False
        set_connected(meter, False)

    return connect, disconnect


def announce(meter):
    if meter.get('announced'):
        return
    root = mockobject.objects['/']
    path = root.AddDevice('hci0', meter['address'], meter['name'])
    dev = mockobject.objects[path]
    dev.props[DEVICE_IFACE]['UUIDs'] = dbus.Array([uuid16(meter['service']), uuid16(0x180A)], signature='s')
    connect, disconnect = make_connect(meter)
    dev.AddMethods(DEVICE_IFACE, [('Connect', '', '', connect), ('Disconnect', '', '', disconnect)])
    meter['announced'] = True


def start_discovery(adapter):
    # Like bluetoothd: discovery needs no filter (the stock template's StartDiscovery requires one), and devices in
    # range appear as objects once it runs.
    adapter.props[ADAPTER_IFACE]['Discovering'] = dbus.Boolean(True)
    adapter.EmitSignal(dbus.PROPERTIES_IFACE, 'PropertiesChanged', 'sa{sv}as',
                       [ADAPTER_IFACE, {'Discovering': dbus.Boolean(True, variant_level=1)}, []])
    for meter in STATE['meters'].values():
        announce(meter)


# ---- blood pressure ---------------------------------------------------------------------------------------

def flush_bp_queue():
    meter = STATE['meters']['bp']
    while meter.get('connected') and STATE['bpQueue']:
        uuid, value = STATE['bpQueue'][0]
        if not emit_value(meter['chars'][uuid], value):
            break
        STATE['bpQueue'].pop(0)
    return False


# ---- glucose RACP -----------------------------------------------------------------------------------------

def racp_indicate(data):
    meter = STATE['meters']['glucose']
    if meter.get('connected'):
        emit_value(meter['chars'][0x2A52], data)


def racp_write(obj, data):
    meter = STATE['meters']['glucose']
    if not obj.props[CHAR_IFACE]['Notifying']:
        # ATT 0xFD "Client Characteristic Configuration Descriptor Improperly Configured" (GLS 1.0 §3.2.5.x).
        raise dbus.exceptions.DBusException('CCCD improperly configured', name='org.bluez.Error.Failed')
    if len(data) < 2:
        GLib.idle_add(racp_indicate, bytes([0x06, 0x00, data[0] if data else 0, 0x02]))
        return
    op, operator = data[0], data[1]
    forced = STATE['faults'].pop('racp-code', None)
    if forced is not None:
        GLib.idle_add(racp_indicate, bytes([0x06, 0x00, op, forced]))
        return
    if op == 0x03:
        meter['transfer'] = None
        GLib.idle_add(racp_indicate, bytes([0x06, 0x00, 0x03, 0x01]))
        return
    if op not in (0x01, 0x04):
        GLib.idle_add(racp_indicate, bytes([0x06, 0x00, op, 0x02]))
        return
    if operator == 0x01:
        selected = list(STATE['backlog'])
    elif operator == 0x03 and len(data) == 5 and data[2] == 0x01:
        first = data[3] | (data[4] << 8)
        selected = [r for r in STATE['backlog'] if r[0] >= first]
    else:
        GLib.idle_add(racp_indicate, bytes([0x06, 0x00, op, 0x04]))
        return
    if op == 0x04:
        n = len(selected)
        GLib.idle_add(racp_indicate, bytes([0x05, 0x00, n & 0xFF, n >> 8]))
        return
    if not selected:
        GLib.idle_add(racp_indicate, bytes([0x06, 0x00, 0x01, 0x06]))
        return
    meter['transfer'] = {'records': selected, 'next': 0, 'sent': 0}
    GLib.timeout_add(2, pump)


def pump():
    meter = STATE['meters']['glucose']
    transfer = meter.get('transfer')
    if not transfer or not meter.get('connected'):
        return False
    for _ in range(20):
        if transfer['next'] >= len(transfer['records']):
            meter['transfer'] = None
            racp_indicate(bytes([0x06, 0x00, 0x01, 0x01]))
            return False
        limit = STATE['faults'].get('disconnect-after')
        if limit is not None and transfer['sent'] >= limit:
            del STATE['faults']['disconnect-after']
            meter['connected'] = False
            set_connected(meter, False)
            return False
        n, measurement, context = transfer['records'][transfer['next']]
        if STATE['faults'].get('garble-sequence') == n:
            measurement = measurement[:6]
        emit_value(meter['chars'][0x2A18], measurement)
        if context is not None:
            emit_value(meter['chars'][0x2A34], context)
        transfer['next'] += 1
        transfer['sent'] += 1
        STATE['recordsSent'] += 1
    return True


# ---- control interface ------------------------------------------------------------------------------------

@dbus.service.method(SIM_IFACE, in_signature='qay', out_signature='')
def QueueBloodPressure(_self, uuid, value):
    if uuid not in (0x2A35, 0x2A36):
        raise dbus.exceptions.DBusException(f'0x{uuid:04X} is not a BP measurement', name=SIM_IFACE + '.BadUuid')
    STATE['bpQueue'].append((int(uuid), bytes(value)))
    meter = STATE['meters']['bp']
    if meter.get('connected'):
        GLib.idle_add(flush_bp_queue)


@dbus.service.method(SIM_IFACE, in_signature='u', out_signature='')
def SetGlucoseBacklog(_self, count):
    STATE['backlog'] = [glucose_record(n) for n in range(1, count + 1)]


@dbus.service.method(SIM_IFACE, in_signature='u', out_signature='')
def AppendGlucoseRecords(_self, count):
    last = STATE['backlog'][-1][0] if STATE['backlog'] else 0
    STATE['backlog'].extend(glucose_record(n) for n in range(last + 1, last + count + 1))


@dbus.service.method(SIM_IFACE, in_signature='su', out_signature='')
def SetFault(_self, name, value):
    if name == 'none':
        STATE['faults'].clear()
    elif name in ('disconnect-after', 'garble-sequence', 'racp-code'):
        STATE['faults'][name] = int(value)
    else:
        raise dbus.exceptions.DBusException(f'unknown fault {name}', name=SIM_IFACE + '.UnknownFault')


@dbus.service.method(SIM_IFACE, in_signature='si', out_signature='')
def SetClockOffset(_self, meter, seconds):
    STATE['meters'][meter]['clockOffsetSeconds'] = int(seconds)


@dbus.service.method(SIM_IFACE, in_signature='s', out_signature='')
def DisconnectMeter(_self, meter):
    m = STATE['meters'][meter]
    if m.get('connected'):
        m['connected'] = False
        set_connected(m, False)


@dbus.service.method(SIM_IFACE, in_signature='s', out_signature='as')
def GetWrites(_self, uuid):
    return dbus.Array(STATE['writes'].get(uuid.lower(), []), signature='s')


@dbus.service.method(SIM_IFACE, in_signature='', out_signature='a{sv}')
def GetStats(_self):
    return dbus.Dictionary({
        'maxConcurrentConnections': dbus.UInt32(STATE['maxConcurrent'], variant_level=1),
        'connects': dbus.UInt32(STATE['connects'], variant_level=1),
        'recordsSent': dbus.UInt32(STATE['recordsSent'], variant_level=1),
    }, signature='sv')


def load(mock, parameters):
    # dbusmock registers the main object only after load(); the stock helpers look it up by path.
    mockobject.objects['/'] = mock
    bluez5.load(mock, parameters)
    STATE.clear()
    STATE.update({
        'meters': meter_defaults(parameters), 'bpQueue': [], 'faults': {}, 'writes': {}, 'on_notify': {},
        'backlog': [glucose_record(n) for n in range(1, int(parameters.get('glucoseBacklog', 0)) + 1)],
        'maxConcurrent': 0, 'connects': 0, 'recordsSent': 0, 'connected': 0,
    })
    mock.AddAdapter('hci0', 'cloudclinic-gateway')
    adapter = mockobject.objects['/org/bluez/hci0']
    adapter.AddMethods(ADAPTER_IFACE, [('StartDiscovery', '', '', start_discovery)])
    print('ble-sim ready', flush=True)
