// Runs in: Node. Pure parsing and gating of electronegativity's CSV output (used by audit.mjs and its test).

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
export const CONFIDENCES = ['TENTATIVE', 'FIRM', 'CERTAIN'];

/** Minimal RFC 4180 parser: quoted fields may hold commas and doubled quotes. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field.trim());
    if (row.some((f) => f !== '')) rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field.trim());
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  endRow();
  return rows;
}

export function findingsFromCsv(text, target) {
  const [header, ...rows] = parseCsv(text);
  if (!header || header[0] !== 'issue') return [];
  return rows.map(([check, severity, confidence, file, location, sample]) => ({ target, check, severity, confidence, file, location, sample: sample ?? '' }));
}

/** MEDIUM or worse at FIRM or surer fails, unless justified for that check, target and file. */
export function gate(findings, justified) {
  const blocking = [];
  const accepted = [];
  for (const f of findings) {
    const serious = SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf('MEDIUM') && CONFIDENCES.indexOf(f.confidence) >= CONFIDENCES.indexOf('FIRM');
    if (!serious) continue;
    const reason = justified.find((j) => j.check === f.check && j.target === f.target && j.file === f.file)?.reason;
    if (reason) accepted.push({ ...f, reason });
    else blocking.push(f);
  }
  return { blocking, accepted };
}

/** npm audit --json → high/critical findings not justified; `unreachable` when the audit endpoint did not answer. */
export function gateNpmAudit(json, justified) {
  if (!json || typeof json !== 'object') return { unreachable: 'npm audit printed no JSON' };
  if (!json.vulnerabilities) return { unreachable: json.message ?? json.error?.summary ?? 'no vulnerabilities report' };
  const serious = Object.values(json.vulnerabilities).filter((v) => v.severity === 'high' || v.severity === 'critical');
  return {
    blocking: serious.filter((v) => !justified[v.name]).map((v) => ({ name: v.name, severity: v.severity })),
    accepted: serious.filter((v) => justified[v.name]).map((v) => ({ name: v.name, severity: v.severity, reason: justified[v.name] })),
  };
}
