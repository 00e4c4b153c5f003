// Kiosk check-in on the gateway's local page: search the cached roster (masked names only), check a patient in at a
// station, end a session. Renders with textContent only. Shares the language choice with app.js (localStorage).

const texts = {
  'zh-CN': {
    checkInTitle: '患者签到', search: '搜索患者（姓名或编号）', stationPick: '测量站', checkIn: '签到',
    sessions: '正在测量', station: '测量站', patient: '患者', until: '有效至', end: '结束',
    rosterSize: '名册人数', unknownCards: '未识别的卡', none: '没有找到患者', checkedIn: '已签到',
    refused: '未能签到', pick: '请先选择患者', unreachable: '无法连接网关',
  },
  en: {
    checkInTitle: 'Patient check-in', search: 'Search patient (name or id)', stationPick: 'Station', checkIn: 'Check in',
    sessions: 'Measuring now', station: 'Station', patient: 'Patient', until: 'Until', end: 'End',
    rosterSize: 'Roster size', unknownCards: 'Unknown cards', none: 'No patient found', checkedIn: 'Checked in',
    refused: 'Not checked in', pick: 'Pick a patient first', unreachable: 'Cannot reach the gateway',
  },
};

const byId = (id) => document.getElementById(id);
const lang = () => (document.documentElement.lang in texts ? document.documentElement.lang : 'zh-CN');
const t = (key) => texts[lang()][key];
let chosen = null;

function applyLanguage() {
  for (const el of byId('check-in').querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}

async function postJson(path, body) {
  return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

async function search(text) {
  const list = byId('patient-results');
  if (!text.trim()) {
    list.replaceChildren();
    return;
  }
  const response = await fetch('/check-in/patients.json?q=' + encodeURIComponent(text), { cache: 'no-store' });
  const patients = response.ok ? await response.json() : [];
  if (patients.length === 0) {
    const li = document.createElement('li');
    li.textContent = t('none');
    list.replaceChildren(li);
    return;
  }
  list.replaceChildren(...patients.map((p) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `${p.displayName} · ${p.patientId}`;
    button.dataset.patientId = p.patientId;
    button.setAttribute('aria-pressed', String(chosen === p.patientId));
    button.addEventListener('click', () => {
      chosen = p.patientId;
      for (const b of list.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b === button));
      byId('check-in-button').disabled = false;
    });
    li.append(button);
    return li;
  }));
}

function renderState(state) {
  const pick = byId('station-pick');
  if (pick.options.length !== state.stations.length) {
    pick.replaceChildren(...state.stations.map((name) => new Option(name, name)));
  }
  byId('roster-size').textContent = String(state.rosterSize);
  byId('unknown-cards').textContent = String(state.unknownCards);
  byId('sessions').replaceChildren(...state.sessions.map((s) => {
    const tr = document.createElement('tr');
    for (const text of [s.station, s.displayName ?? s.patientId, new Date(s.expiresAt).toLocaleTimeString(lang())]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    const td = document.createElement('td');
    const end = document.createElement('button');
    end.type = 'button';
    end.textContent = t('end');
    end.addEventListener('click', async () => {
      await postJson('/check-out', { station: s.station });
      await refresh();
    });
    td.append(end);
    tr.append(td);
    return tr;
  }));
}

async function refresh() {
  try {
    const response = await fetch('/check-in/state.json', { cache: 'no-store' });
    if (response.ok) renderState(await response.json());
  } catch {
    byId('check-in-result').textContent = t('unreachable');
  }
}

byId('patient-search').addEventListener('input', (e) => search(e.target.value));
byId('check-in-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const result = byId('check-in-result');
  if (!chosen) {
    result.textContent = t('pick');
    return;
  }
  const response = await postJson('/check-in', { station: byId('station-pick').value, patientId: chosen });
  const body = await response.json();
  result.className = body.session ? 'ok' : 'bad';
  result.textContent = body.session
    ? `${t('checkedIn')}: ${body.session.displayName ?? body.session.patientId} @ ${body.session.station}`
    : `${t('refused')}: ${body.refusal ?? body.detail ?? response.status}`;
  await refresh();
});
new MutationObserver(applyLanguage).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

applyLanguage();
await refresh();
setInterval(refresh, 3000);
