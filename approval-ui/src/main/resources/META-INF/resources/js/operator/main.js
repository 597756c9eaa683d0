// The operator's page: the approval queue (live over Server-Sent Events), a request's detail with the
// review actions, and the live sessions.
import { currentUser } from '../api.js';
import { renderAccount } from '../header.js';
import { RequestDetail } from './detail.js';
import { Queue } from './queue.js';
import { LiveSessionList } from './sessions.js';

const user = await currentUser();
if (!user) {
  location.assign('/app/login');
} else {
  renderAccount(document.getElementById('account'), user);
  const sessions = new LiveSessionList(document.getElementById('sessions'));
  const detail = new RequestDetail(document.getElementById('detail'), () => queue.refresh());
  const queue = new Queue({
    queue: document.getElementById('queue'),
    grants: document.getElementById('grants'),
    liveMark: document.getElementById('queue-live'),
  }, (request) => detail.open(request.id), (change) => {
    detail.changed(change);
    sessions.refresh();
  });
  queue.start();
  sessions.refresh();
}
