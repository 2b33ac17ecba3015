/**
 * devicehive-mqtt's topic grammar (lib/TopicStructure.js, util/constants.json; devicehive.md §5):
 * dh/request for requests, dh/response/<action>@<clientId> for the answers, "@" separating the owner.
 */
export const REQUEST_TOPIC = 'dh/request';

export interface TopicParts {
  /** The topic starts with "dh/". */
  dh: boolean;
  request: boolean;
  response: boolean;
  /** The response's action (the part after dh/response/, up to the owner). */
  action: string;
  /**
   * Everything after the first "@", or '' without one: the whole client id, whatever it holds ("abc@victim" owns
   * dh/response/token@abc@victim; reading only up to a second "@" handed that answer to client "abc").
   */
  owner: string;
}

export function parseTopic(topic: string): TopicParts {
  if (!topic.startsWith('dh/')) return { dh: false, request: false, response: false, action: '', owner: '' };
  const at = topic.indexOf('@');
  const body = at === -1 ? topic : topic.slice(0, at);
  const owner = at === -1 ? '' : topic.slice(at + 1);
  const parts = body.split('/');
  const response = parts[1] === 'response';
  return { dh: true, request: parts[1] === 'request', response, action: response ? parts.slice(2).join('/') : '', owner };
}

/** broker.js isTopicForbidden: "dh/request" and every prefix of it cannot be subscribed to. */
export function isForbiddenSubscription(topic: string): boolean {
  return REQUEST_TOPIC.startsWith(topic);
}

/**
 * TopicStructure.toTopicString: ['dh', 'response', action].join('/') + '@' + owner. Array.join writes an absent or
 * null action as an empty string, so an answer without action goes to dh/response/@<clientId>.
 */
export function responseTopic(action: unknown, clientId: string | undefined): string {
  const base = ['dh', 'response', action].join('/');
  return clientId === undefined ? base : `${base}@${clientId}`;
}
