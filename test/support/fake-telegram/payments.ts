// A persona paying an invoice: Telegram asks the bot with a pre_checkout_query, waits up to
// 10 seconds for answerPreCheckoutQuery, and only after ok:true sends the successful_payment.
import { ApiError, type TgMessage, type Update } from "./types.js";
import type { Persona } from "./persona.js";
import type { World } from "./world.js";

export const DEFAULT_PRE_CHECKOUT_TIMEOUT_MS = 10_000;

export interface InvoiceRecord {
  payload: string;
  currency: string;
  total: number;
  title: string;
}

export type CheckoutAnswer = { ok: true } | { ok: false; error: string };

interface PendingCheckout {
  createdAt: number;
  answer?: CheckoutAnswer;
  /** Flagged as unanswered in time: Telegram gave up on it, so nothing waits for it any more. */
  expired?: boolean;
  settle: (answer: CheckoutAnswer | undefined) => void;
  timer: NodeJS.Timeout;
}

/** What a payment attempt came to, as the paying user experienced it. */
export interface PaymentOutcome {
  answer: CheckoutAnswer | undefined;
  /** The service message with successful_payment, when the payment went through. */
  message?: TgMessage;
  chargeId?: string;
}

export class Checkouts {
  private readonly pending = new Map<string, PendingCheckout>();
  private nextQueryId = 9_100_000_000_000_000_001n;
  private nextCharge = 1;

  constructor(
    private readonly world: World,
    private readonly timeoutMs = DEFAULT_PRE_CHECKOUT_TIMEOUT_MS,
  ) {}

  /** The bot's answer; unknown, repeated and late answers fail as Telegram fails them. */
  answer(id: string, answer: CheckoutAnswer): void {
    const checkout = this.pending.get(id);
    const invalid = (rule: string) => new ApiError(400, "Bad Request: QUERY_ID_INVALID", "bot", rule);
    if (!checkout) throw invalid("unknown pre-checkout query");
    if (checkout.answer) throw invalid("pre-checkout query answered twice");
    if (Date.now() - checkout.createdAt > this.timeoutMs) throw invalid("pre-checkout query answered too late");
    checkout.answer = answer;
    clearTimeout(checkout.timer);
    checkout.settle(answer);
  }

  /** The persona presses Pay on an invoice of the bot; `tamper` changes what the query claims. */
  async pay(
    persona: Persona,
    messageId: number,
    tamper: Partial<{ payload: string; currency: string; total: number }> = {},
  ): Promise<PaymentOutcome> {
    const invoice = this.world.invoices.get(`${persona.id}:${messageId}`);
    if (!invoice) throw new Error(`${persona.firstName} has no invoice #${messageId} to pay`);
    const order = { payload: invoice.payload, currency: invoice.currency, total: invoice.total, ...tamper };
    const id = String(this.nextQueryId++);
    const answered = new Promise<CheckoutAnswer | undefined>((settle) => {
      const timer = setTimeout(() => {
        const checkout = this.pending.get(id);
        if (checkout) checkout.expired = true;
        this.world.violations.push({
          method: "answerPreCheckoutQuery",
          rule: "pre-checkout query not answered",
          description: `pre-checkout query ${id} (invoice "${invoice.title}" paid by ${persona.firstName}) was not answered within ${this.timeoutMs} ms`,
          params: { pre_checkout_query_id: id },
        });
        settle(undefined);
      }, this.timeoutMs);
      timer.unref();
      this.pending.set(id, { createdAt: Date.now(), settle, timer });
    });
    this.world.updates.push({
      pre_checkout_query: { id, from: persona.user, currency: order.currency, total_amount: order.total, invoice_payload: order.payload },
    });
    const answer = await answered;
    if (!answer?.ok) return { answer };
    const chargeId = `tg-charge-${this.nextCharge++}`;
    const message = persona.receivePayment({
      currency: order.currency,
      total_amount: order.total,
      invoice_payload: order.payload,
      telegram_payment_charge_id: chargeId,
      provider_payment_charge_id: `provider-${chargeId}`,
    });
    return { answer, message, chargeId };
  }

  /** The same payment in a second, different update (not a redelivery of the first one). */
  repeat(message: TgMessage): Update {
    return this.world.updates.push({ message: structuredClone(message) });
  }

  /** Queries still waiting for the bot count as unsettled. */
  get unanswered(): number {
    return [...this.pending.values()].filter((c) => !c.answer && !c.expired).length;
  }

  dispose(): void {
    for (const c of this.pending.values()) clearTimeout(c.timer);
  }
}
