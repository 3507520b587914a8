/**
 * Shared contracts of the fan-out benchmark: the load description, the IPC messages exchanged
 * between the orchestrator and its load-generator processes, and the per-server result.
 */

/** The load applied identically to every server under test. */
export interface FanoutLoad {
  /** Clients connected to the one room. */
  clients: number;
  /** How many of those clients type (the first `typists` client indices). */
  typists: number;
  /** Edits per second per typist. */
  editsPerSecond: number;
  /** Length of the typing phase in seconds. */
  durationS: number;
  /** Load-generator processes the clients are spread over. */
  workers: number;
  /** Whether typists move their awareness cursor with each edit (realistic presence traffic). */
  cursors: boolean;
}

/** One client as assigned to a worker process. */
export interface ClientAssignment {
  index: number;
  typist: boolean;
}

/** Counters of websocket frames seen by the clients of one worker (summed over its clients). */
export interface TrafficCounters {
  /** Client → server frames, by y-websocket message type. */
  sentSync: number;
  sentAwareness: number;
  /** Server → client frames, by y-websocket message type. */
  recvSync: number;
  recvAwareness: number;
  recvBytes: number;
  /** Sync updates received by a typist that contained only its own edits (the server echoed them). */
  echoesToTypists: number;
}

/** Tokens for servers that require one (`?token=` on the websocket URL): typists need write access. */
export interface ClientTokens {
  typist: string;
  reader: string;
}

/** Orchestrator → worker. */
export type ToWorker =
  | { type: 'init'; wsBase: string; room: string; clients: ClientAssignment[]; load: FanoutLoad; tokens?: ClientTokens }
  | { type: 'start'; startAtMs: number }
  | { type: 'drain'; expectedPerTypist: Record<string, number>; deadlineMs: number }
  | { type: 'close' };

/** Worker → orchestrator. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'typed'; sentPerTypist: Record<string, number> }
  | { type: 'result'; result: WorkerResult }
  | { type: 'error'; message: string };

/** What one worker measured. Latencies are in milliseconds, one per (receiving client, remote edit). */
export interface WorkerResult {
  latenciesMs: number[];
  /** Deliveries expected by this worker's clients (remote edits × clients). */
  expectedDeliveries: number;
  /** Deliveries observed live (first sighting of an edit id by a client). */
  receivedDeliveries: number;
  /** (client, edit) pairs absent from the client's final document. */
  missingFromFinalDoc: number;
  /** Distinct edit keys missing somewhere, capped, for diagnosis. */
  missingSample: string[];
  traffic: TrafficCounters;
  /** CPU seconds used by this load-generator process during the measured phase. */
  cpuS: number;
}

/** The measured outcome for one server. */
export interface FanoutResult {
  server: string;
  load: FanoutLoad;
  editsSent: number;
  expectedDeliveries: number;
  receivedDeliveries: number;
  /** (client, edit) pairs missing from final documents — must be 0. */
  lost: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /** Server process CPU (user + system) over typing + drain. */
  serverCpuS: number;
  /** Length of the measured window (typing + drain). */
  windowS: number;
  /** serverCpuS / windowS × 100: share of one core. */
  serverCpuPct: number;
  /** Peak resident set of the server process (VmHWM), MB. */
  peakRssMb: number;
  /** Resident set of the server once every client had synced, before typing, MB. */
  rssBeforeMb: number;
  /** Sum of the load generators' CPU during the window. */
  generatorCpuS: number;
  /** CPU used during the window by processes outside the benchmark (other work on the machine). */
  otherCpuS: number;
  traffic: TrafficCounters;
  missingSample: string[];
}
