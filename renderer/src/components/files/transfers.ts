import type { BerthErrorData, EngineClient, Result, TransferTicket } from '../../api/contract';
import { downloadTicket } from '../../api/transfers';

/** Starts the browser download of a ticket a download method answered with; returns the error it failed with. */
export function startDownload(client: EngineClient, answer: Result<TransferTicket>): BerthErrorData | null {
  if (!answer.ok) return answer.error;
  downloadTicket(client, answer.value);
  return null;
}
