/**
 * Job completion notifications: the guide's webhook POSTs (one per task, one per job, failed or
 * not) and the notification email with its X-MAS headers, kept in an outbox instead of being sent.
 */
export interface WebhookDelivery {
  url: string;
  body: Record<string, unknown>;
  /** The receiver's HTTP status, or 0 when it could not be reached. */
  status: number;
  error?: string;
}

export interface NotificationEmail {
  to: string;
  headers: Record<string, string>;
  body: string;
}

export class Notifier {
  private deliveries: WebhookDelivery[] = [];
  private outbox: NotificationEmail[] = [];
  private inFlight = new Set<Promise<void>>();

  webhook(url: string, body: Record<string, unknown>): void {
    const sent = fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    }).then(
      (response) => void this.deliveries.push({ url, body, status: response.status }),
      (error: Error) => void this.deliveries.push({ url, body, status: 0, error: error.message }),
    );
    this.inFlight.add(sent);
    void sent.finally(() => this.inFlight.delete(sent));
  }

  email(to: string, fields: { userData?: string; jobId: string; status: string }): void {
    this.outbox.push({
      to,
      headers: { "X-MAS-USER-DATA": fields.userData ?? "", "X-MAS-JOB-ID": fields.jobId, "X-MAS-STATUS": fields.status },
      body: `Masergy provisioning job ${fields.jobId} ${fields.status.toLowerCase()}.${fields.userData ? `\nUser data: ${fields.userData}` : ""}`,
    });
  }

  /** Resolves once every webhook POST started so far has been answered or has failed. */
  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  webhooks(): WebhookDelivery[] {
    return structuredClone(this.deliveries);
  }

  emails(): NotificationEmail[] {
    return structuredClone(this.outbox);
  }

  reset(): void {
    this.deliveries = [];
    this.outbox = [];
  }
}
