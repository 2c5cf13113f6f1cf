import { createHmac } from 'node:crypto';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { Webhook } from 'standardwebhooks';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import type { DeliveryChannel } from '../domain/notifications/kinds';
import { type Message, messageHtml, messageMarkdown } from '../domain/notifications/messages';

/** One delivery, ready to send: the message in its language and where it goes. */
export interface Outgoing {
  channel: DeliveryChannel;
  /** The same for every attempt: webhook-id, the e-mail's Message-ID. */
  idempotencyKey: string;
  eventId: string;
  kind: string;
  params: Record<string, unknown>;
  language: string;
  message: Message;
  occurredAt: Date;
  /** E-mail. */
  address: string | null;
  /** Robots and webhooks (decrypted just before sending, never logged). */
  url: string | null;
  secret: string | null;
}

/** A receiver's answer that is not a success; its text becomes the delivery's last error. */
export class DeliveryRefused extends Error {}

const RESPONSE_LIMIT = 2000;

/**
 * The wire formats: e-mail through SMTP (text and HTML), the group robots of DingTalk, WeCom and
 * Feishu each in its own JSON (markdown or text, signed when a secret is set), and webhooks
 * signed as Standard Webhooks says. Each attempt is bounded by NOTIFY_TIMEOUT_MS, so a slow or
 * dead receiver holds up only the deliverer, never a request.
 */
@Injectable()
export class DeliverySenders implements OnModuleDestroy {
  private transport: Transporter | null = null;

  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  onModuleDestroy(): void {
    this.transport?.close();
  }

  /**
   * Signatures carry the wall-clock time, not the injected Clock's: the receiver checks them
   * against its own clock (Standard Webhooks allows 5 minutes, DingTalk 1 hour).
   */
  async send(outgoing: Outgoing, now: Date = new Date()): Promise<void> {
    switch (outgoing.channel) {
      case 'email':
        return this.email(outgoing);
      case 'dingtalk':
        return this.dingtalk(outgoing, now);
      case 'wecom':
        return this.post(outgoing.url!, { msgtype: 'markdown', markdown: { content: messageMarkdown(outgoing.message) } }, {}, 'errcode');
      case 'feishu':
        return this.feishu(outgoing, now);
      case 'webhook':
        return this.webhook(outgoing, now);
    }
  }

  private async email(outgoing: Outgoing): Promise<void> {
    if (!this.config.smtpUrl || !this.config.mailFrom) throw new DeliveryRefused('SMTP_URL is not set: e-mail cannot be sent');
    this.transport ??= nodemailer.createTransport({
      url: this.config.smtpUrl,
      connectionTimeout: this.config.notifyTimeoutMs,
      greetingTimeout: this.config.notifyTimeoutMs,
      socketTimeout: this.config.notifyTimeoutMs,
    });
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to: outgoing.address!,
      subject: outgoing.message.title,
      text: outgoing.message.text,
      html: messageHtml(outgoing.message),
      messageId: `<${outgoing.idempotencyKey}@kaoqin>`,
      headers: { 'X-Kaoqin-Event': `kaoqin.${outgoing.kind}`, 'X-Kaoqin-Idempotency-Key': outgoing.idempotencyKey },
    });
  }

  /** DingTalk custom robot: with a secret, `timestamp` (ms) and `sign` = base64(HMAC-SHA256(secret, "timestamp\nsecret")) in the query. */
  private dingtalk(outgoing: Outgoing, now: Date): Promise<void> {
    const url = new URL(outgoing.url!);
    if (outgoing.secret) {
      const timestamp = String(now.getTime());
      url.searchParams.set('timestamp', timestamp);
      url.searchParams.set('sign', createHmac('sha256', outgoing.secret).update(`${timestamp}\n${outgoing.secret}`).digest('base64'));
    }
    const body = { msgtype: 'markdown', markdown: { title: outgoing.message.title, text: messageMarkdown(outgoing.message) } };
    return this.post(url.toString(), body, {}, 'errcode');
  }

  /** Feishu custom bot: with a secret, `timestamp` (s) and `sign` = base64(HMAC-SHA256(key "timestamp\nsecret", empty message)) in the body. */
  private feishu(outgoing: Outgoing, now: Date): Promise<void> {
    const text = `${outgoing.message.title}\n${outgoing.message.text}`;
    let signature = {};
    if (outgoing.secret) {
      const timestamp = String(Math.floor(now.getTime() / 1000));
      signature = { timestamp, sign: createHmac('sha256', `${timestamp}\n${outgoing.secret}`).update('').digest('base64') };
    }
    return this.post(outgoing.url!, { ...signature, msg_type: 'text', content: { text } }, {}, 'code');
  }

  /** Standard Webhooks: webhook-id (the idempotency key), webhook-timestamp, webhook-signature over "id.timestamp.body". */
  private webhook(outgoing: Outgoing, now: Date): Promise<void> {
    const type = `kaoqin.${outgoing.kind}`;
    const payload = JSON.stringify({
      type,
      timestamp: outgoing.occurredAt.toISOString(),
      data: { eventId: outgoing.eventId, kind: outgoing.kind, language: outgoing.language, title: outgoing.message.title, text: outgoing.message.text, params: outgoing.params },
    });
    const signature = new Webhook(outgoing.secret!).sign(outgoing.idempotencyKey, now, payload);
    const headers = {
      'webhook-id': outgoing.idempotencyKey,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signature,
    };
    return this.post(outgoing.url!, payload, headers, null);
  }

  /** POSTs JSON; success is a 2xx and, for robots, a zero `errcode`/`code` in the answer. */
  private async post(url: string, body: unknown, headers: Record<string, string>, codeField: 'errcode' | 'code' | null): Promise<void> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Kaoqin-Notifications/1', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(this.config.notifyTimeoutMs),
      redirect: 'error',
    });
    const text = (await response.text()).slice(0, RESPONSE_LIMIT);
    if (!response.ok) throw new DeliveryRefused(`HTTP ${response.status}: ${text}`);
    if (codeField === null) return;
    let answer: Record<string, unknown>;
    try {
      answer = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new DeliveryRefused(`HTTP ${response.status}, not JSON: ${text}`);
    }
    // Feishu's older answers say StatusCode instead of code.
    const code = answer[codeField] ?? answer.StatusCode;
    if (code !== 0) throw new DeliveryRefused(`${codeField} ${String(code)}: ${String(answer.errmsg ?? answer.msg ?? text)}`);
  }
}
