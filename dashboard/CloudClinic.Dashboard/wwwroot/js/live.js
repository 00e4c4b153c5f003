// SignalR connection to /hubs/clinic (@microsoft/signalr, loaded as the global `signalR`). Retries forever:
// a clinic's screen stays up all day and must come back on its own after a network cut or a server restart.

const MAX_RETRY_DELAY_MS = 30_000;

function retryDelay(previousRetryCount) {
  return Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** Math.min(previousRetryCount, 5));
}

/**
 * handlers (all optional but state/connected): { reading(r, severity), alert(a), gatewayStatus(clinicId, gatewayId, s),
 * taskClosed(clinicId, gridId, taskId),
 * state(name), connected() }.
 * state names: connecting, connected, reconnecting, disconnected.
 * "connected" and connected() come with the server's Subscribed push, not with start(): SignalR finishes start()
 * before the server has put this connection in its clinic's group, and a page that loaded its state then could
 * miss an alert raised in between. After Subscribed every push reaches the page, so a load then misses nothing.
 */
export function connectLive(handlers) {
  const signalR = globalThis.signalR;
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("hubs/clinic")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => retryDelay(context.previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  connection.on("ReadingReceived", (reading, severity) => handlers.reading?.(reading, severity));
  connection.on("AlertChanged", (alert) => handlers.alert?.(alert));
  connection.on("GatewayStatusChanged", (clinicId, gatewayId, status) => handlers.gatewayStatus?.(clinicId, gatewayId, status));
  connection.on("CareTaskClosed", (clinicId, gridId, taskId) => handlers.taskClosed?.(clinicId, gridId, taskId));
  // Sent on every (re)connection, once the server has joined it to its group.
  connection.on("Subscribed", () => {
    handlers.state("connected");
    handlers.connected();
  });

  connection.onreconnecting(() => handlers.state("reconnecting"));
  // Automatic reconnect gave up or the first start failed: keep trying with our own loop.
  connection.onclose(() => start(0));

  async function start(attempt) {
    handlers.state(attempt === 0 ? "connecting" : "disconnected");
    try {
      await connection.start();
    } catch {
      setTimeout(() => start(attempt + 1), retryDelay(attempt));
    }
  }

  start(0);
  return connection;
}
