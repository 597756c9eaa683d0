// The auditor's page: the audit chain's state first, then past sessions with their recordings' integrity,
// a replay with downloads, and the audit log.
import { currentUser } from '../api.js';
import { renderAccount } from '../header.js';
import { AuditLog, showChain } from './audit-log.js';
import { SessionHistory } from './history.js';
import { Replay } from './replay.js';

const user = await currentUser();
if (!user) {
  location.assign('/app/login');
} else {
  renderAccount(document.getElementById('account'), user);
  const replay = new Replay(document.getElementById('replay'));
  const history = new SessionHistory(document.getElementById('history-filters'), document.getElementById('history'),
    (session) => replay.open(session));
  const auditLog = new AuditLog(document.getElementById('audit-filters'), document.getElementById('audit'));
  await showChain(document.getElementById('chain'));
  await Promise.all([history.load(), auditLog.load()]);
}
