// The gateway's local page: polls /status.json and renders it with textContent only (no HTML from data).
// zh-CN by default, English on request (?lang=en or the button; remembered in localStorage).

const texts = {
  'zh-CN': {
    title: '网关状态', gateway: '网关', uplink: '云端连接', backlog: '待上传读数', budget: '存储用量',
    refused: '已拒收读数', lastError: '最近错误', updated: '更新时间', stations: '测量站', station: '测量站',
    link: '连接', stationError: '错误', connected: '已连接', disconnected: '未连接', none: '无',
    unreachable: '无法读取网关状态', alarm: '警报：存储已满，新读数被拒收。请恢复网络以上传积压数据。', other: 'English',
  },
  en: {
    title: 'Gateway status', gateway: 'Gateway', uplink: 'Cloud connection', backlog: 'Readings waiting to upload',
    budget: 'Storage used', refused: 'Readings refused', lastError: 'Last error', updated: 'Updated', stations: 'Stations',
    station: 'Station', link: 'Link', stationError: 'Error', connected: 'connected', disconnected: 'not connected',
    none: 'none', unreachable: 'Cannot read the gateway status',
    alarm: 'ALARM: storage full, new readings are refused. Restore the network so the backlog can upload.', other: '中文',
  },
};

const params = new URLSearchParams(location.search);
let lang = params.get('lang') ?? localStorage.getItem('cloudclinic.lang') ?? 'zh-CN';
if (!(lang in texts)) lang = 'zh-CN';
let last = null;

const t = (key) => texts[lang][key];
const byId = (id) => document.getElementById(id);
const set = (id, text, cls) => {
  const el = byId(id);
  el.textContent = text;
  el.className = cls ?? '';
};
const mib = (bytes) => (bytes / 1048576).toFixed(1) + ' MiB';

function applyLanguage() {
  document.documentElement.lang = lang;
  document.title = 'CloudClinic · ' + t('title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  byId('lang').textContent = t('other');
  if (last) render(last);
}

function render(s) {
  last = s;
  const alarm = byId('alarm');
  alarm.hidden = !s.alarm;
  alarm.textContent = s.alarm ? `${t('alarm')} (${s.alarm})` : '';
  set('gateway', `${s.clinicId} / ${s.gatewayId} · v${s.version}`);
  set('uplink', s.uplinkConnected ? t('connected') : t('disconnected'), s.uplinkConnected ? 'ok' : 'bad');
  set('backlog', String(s.backlog));
  const percent = s.outboxBudgetBytes > 0 ? Math.round((100 * s.outboxUsedBytes) / s.outboxBudgetBytes) : 0;
  set('budget', `${mib(s.outboxUsedBytes)} / ${mib(s.outboxBudgetBytes)} (${percent}%)`, s.alarm ? 'bad' : '');
  set('refused', String(s.refusedReadings), s.refusedReadings > 0 ? 'bad' : '');
  set('last-error', s.lastError ?? t('none'), s.lastError ? 'bad' : '');
  set('updated', new Date(s.at).toLocaleString(lang));
  const rows = s.stations.map((station) => {
    const tr = document.createElement('tr');
    const cells = [station.station, station.connected ? t('connected') : t('disconnected'), station.lastError ?? ''];
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    tr.children[1].className = station.connected ? 'ok' : 'bad';
    return tr;
  });
  byId('stations').replaceChildren(...rows);
}

async function refresh() {
  try {
    const response = await fetch('/status.json', { cache: 'no-store' });
    if (!response.ok) throw new Error(String(response.status));
    render(await response.json());
  } catch {
    set('last-error', t('unreachable'), 'bad');
  }
}

byId('lang').addEventListener('click', () => {
  lang = lang === 'en' ? 'zh-CN' : 'en';
  localStorage.setItem('cloudclinic.lang', lang);
  applyLanguage();
});

async function loop() {
  await refresh();
  setTimeout(loop, (last?.refreshSeconds ?? 2) * 1000);
}

applyLanguage();
await loop();
