// Runs in: anywhere (pure).
/** A frame as a sender writes it (the test server and simulators build these). */
export interface OutgoingSignalFrame {
  timestamp: string | number;
  expectedMultiplier: number | string;
  expectedRange?: string | [number, number] | { min: number; max: number };
  bet: boolean;
  roundId: string | number;
  stake?: number;
}
