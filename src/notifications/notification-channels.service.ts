import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { Clock } from '../policy/clock';
import { type ChannelColumns, ChannelsRepository } from './channels.repository';
import { type ChannelDto, type CreateChannelDto, toChannelDto, type UpdateChannelDto } from './dto/channel.dto';
import { channelNotFound, eventKindsEmpty, teamLeadRequired, teamLeadUnknown, urlInvalid, webhookSecretInvalid } from './notifications.errors';
import { lastFour, SecretBox } from './secret-box';

/** Standard Webhooks: `whsec_` and the key in base64, 24 to 64 bytes. */
function isWebhookSecret(secret: string): boolean {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret);
  if (!match) return false;
  const bytes = Buffer.from(match[1], 'base64').length;
  return bytes >= 24 && bytes <= 64;
}

/** The office's group robots and webhooks; their URL and secret are sealed before they reach the database. */
@Injectable()
export class NotificationChannelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: ChannelsRepository,
    private readonly secrets: SecretBox,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<ChannelDto[]> {
    return (await this.channels.list()).map(toChannelDto);
  }

  async create(actor: Actor, input: CreateChannelDto): Promise<ChannelDto> {
    return this.dataSource.transaction(async (manager) => {
      const scope = input.scope ?? 'office';
      const columns: ChannelColumns = {
        kind: input.kind,
        name: input.name,
        ...this.sealedUrl(input.url),
        ...this.sealedSecret(input.kind, input.secret ?? null),
        scope,
        team_lead_id: input.teamLeadId ?? null,
        event_kinds: input.eventKinds,
        active: true,
      };
      await this.check(manager, columns);
      const created = toChannelDto(await this.channels.insert(manager, columns, this.clock.now()));
      await this.audit.record(manager, actor, { action: 'notification_channel.create', entity: 'notification_channel', entityId: created.id, after: created });
      return created;
    });
  }

  async update(actor: Actor, id: string, input: UpdateChannelDto): Promise<ChannelDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.channels.find(manager, id, true);
      if (!current) throw channelNotFound();
      const scope = input.scope ?? current.scope;
      const columns: ChannelColumns = {
        kind: current.kind,
        name: input.name ?? current.name,
        ...(input.url !== undefined ? this.sealedUrl(input.url) : { url_encrypted: current.url_encrypted, url_host: current.url_host, url_last4: current.url_last4 }),
        ...(input.secret !== undefined ? this.sealedSecret(current.kind, input.secret) : { secret_encrypted: current.secret_encrypted, secret_last4: current.secret_last4 }),
        scope,
        // Moving to the office's scope drops the team lead unless one is given.
        team_lead_id: input.teamLeadId !== undefined ? input.teamLeadId : scope === 'office' ? null : current.team_lead_id,
        event_kinds: input.eventKinds ?? current.event_kinds,
        active: input.active ?? current.active,
      };
      await this.check(manager, columns);
      await this.channels.update(manager, id, columns, this.clock.now());
      const after = toChannelDto((await this.channels.find(manager, id))!);
      await this.audit.record(manager, actor, { action: 'notification_channel.update', entity: 'notification_channel', entityId: id, before: toChannelDto(current), after });
      return after;
    });
  }

  private async check(manager: EntityManager, columns: ChannelColumns): Promise<void> {
    if (columns.event_kinds.length === 0) throw eventKindsEmpty();
    if ((columns.scope === 'team') !== (columns.team_lead_id !== null)) throw teamLeadRequired();
    if (columns.team_lead_id !== null && !(await this.channels.staffExists(manager, columns.team_lead_id))) throw teamLeadUnknown();
  }

  private sealedUrl(url: string): Pick<ChannelColumns, 'url_encrypted' | 'url_host' | 'url_last4'> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw urlInvalid();
    }
    if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.username || parsed.password) throw urlInvalid();
    return { url_encrypted: this.secrets.seal(url), url_host: parsed.host, url_last4: lastFour(url) };
  }

  private sealedSecret(kind: string, secret: string | null): Pick<ChannelColumns, 'secret_encrypted' | 'secret_last4'> {
    if (kind === 'webhook' && (secret === null || !isWebhookSecret(secret))) throw webhookSecretInvalid();
    if (secret === null) return { secret_encrypted: null, secret_last4: null };
    return { secret_encrypted: this.secrets.seal(secret), secret_last4: lastFour(secret) };
  }
}
