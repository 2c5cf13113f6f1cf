import { MigrationInterface, QueryRunner } from 'typeorm';

interface Article {
  key: string;
  chapter: 'general' | 'appearance' | 'conduct' | 'attendance';
  titleZh: string;
  titleEn: string;
  textZh: string;
  textEn: string;
}

// The handbook as the customer gave it (../shared/HANDBOOK.md): the code of conduct and the attendance chapter.
const ARTICLES: Article[] = [
  { key: 'H-CON-1', chapter: 'general', titleZh: '总则', titleEn: 'General standard', textZh: '一切以公司利益为重，团结协作，热情服务，保守公司的商业秘密。', textEn: "Put the company's interest first: teamwork, service, and keeping trade secrets." },
  { key: 'H-CON-2', chapter: 'appearance', titleZh: '仪容仪表', titleEn: 'Appearance', textZh: '保持饱满的工作热情，语言文明；上班前不得饮酒；工作时间讲普通话；衣着整洁，男员工不得穿拖鞋或露趾凉鞋进入办公室；发型要大方端庄。', textEn: 'Civil language and good hygiene; no alcohol before work; Mandarin at work; clean clothes, no slippers or open-toe sandals in the office for men; neat hair.' },
  { key: 'H-CON-3', chapter: 'conduct', titleZh: '行为规范一：按时上下班', titleEn: 'Punctuality', textZh: '按照公司规定的时间上下班，不迟到、不早退。', textEn: 'Arrive and leave at the times the company sets: no late arrival, no early leave (see H-ATT-5, H-ATT-6).' },
  { key: 'H-CON-4', chapter: 'conduct', titleZh: '行为规范二：接听电话', titleEn: 'Phone manners', textZh: '接听工作电话，语气要温柔；同事不在时有义务转达和告知。', textEn: 'Answer work calls politely; take and pass on messages for absent colleagues.' },
  { key: 'H-CON-5', chapter: 'conduct', titleZh: '行为规范三至四：工作纪律', titleEn: 'Work discipline', textZh: '不准看非工作性的报纸和杂志；不准串岗、脱岗；严禁因私打长途电话；上网需主管同意。', textEn: "No non-work reading or computer use; no leaving one's post; no private long-distance calls; internet only with a supervisor's agreement." },
  { key: 'H-CON-6', chapter: 'conduct', titleZh: '行为规范五：爱护公物', titleEn: 'Care of property', textZh: '拾到的任何物品及时上交；爱护办公设备，节约用品；下班之前应及时关闭电源，关好门窗。', textEn: 'Hand in found items; care for equipment and save supplies; switch off power and close doors and windows when leaving.' },
  { key: 'H-CON-7', chapter: 'conduct', titleZh: '行为规范六：保密制度', titleEn: 'Confidentiality', textZh: '遵守保密制度，一经发现泄密，严肃处理，公司保留进一步追究其法律责任的权利。', textEn: 'Keep company information confidential; a breach is dealt with seriously and the company reserves the right to take legal action.' },
  { key: 'H-CON-8', chapter: 'conduct', titleZh: '行为规范七：保持联系', titleEn: 'Reachability', textZh: '如联系不上，并对公司造成损失或延误工作者，视情节轻重分别处于警告、罚款等处罚。', textEn: 'Being unreachable when needed and causing loss or delay is punished by a warning or a fine, according to severity.' },
  { key: 'H-CON-9', chapter: 'conduct', titleZh: '行为规范八至九：遵守制度', titleEn: 'Following the rules', textZh: '遵守请假程序，遵守公司和部门制定的各项管理制度和岗位职责。', textEn: 'Follow the leave procedure and all company and department rules and job duties.' },
  { key: 'H-ATT-1', chapter: 'attendance', titleZh: '考勤内容', titleEn: 'What attendance covers', textZh: '考勤内容包括出勤、迟到、早退、旷工、事假、病假、婚假、丧假、法定假日等。', textEn: 'Present, late, early leave, unexcused absence, personal, sick, marriage and bereavement leave, statutory holidays.' },
  { key: 'H-ATT-2', chapter: 'attendance', titleZh: '全员在岗与值班', titleEn: 'Everyone at work; one on duty', textZh: '周一至周日全员在岗。每天1人值班；其余人员按行政班工作时间上下班。', textEn: 'Monday to Sunday everyone is at work; each day exactly one person is on duty; everyone else works office hours.' },
  { key: 'H-ATT-3', chapter: 'attendance', titleZh: '行政班工作时间', titleEn: 'Office hours', textZh: '行政班工作时间为：上午8:30-12:00，下午13:00-17:30。', textEn: 'The office shift: 08:30–12:00 and 13:00–17:30.' },
  { key: 'H-ATT-4', chapter: 'attendance', titleZh: '值班上班时间', titleEn: 'Duty hours', textZh: '值班上班时间为：下午16:00 - 24:00。', textEn: 'The duty shift: 16:00 to midnight.' },
  { key: 'H-ATT-5', chapter: 'attendance', titleZh: '迟到', titleEn: 'Late arrival', textZh: '到上班时间本人还未到岗，即为迟到。', textEn: 'Not at work by the start time is a late arrival.' },
  { key: 'H-ATT-6', chapter: 'attendance', titleZh: '早退', titleEn: 'Early leave', textZh: '凡未到下班时间，提前离岗，即为早退，早退当天按旷工处理。', textEn: 'Leaving before the end time is early leave, and that day counts as unexcused absence.' },
  { key: 'H-ATT-7', chapter: 'attendance', titleZh: '考勤记录', titleEn: 'Clock records', textZh: '实际到岗和离岗时间均以考勤记录时间为准，考勤奖惩以财务制度为准。', textEn: "The clock records are the only source of arrival and departure times; rewards and penalties follow finance's policy." },
  { key: 'H-ATT-8', chapter: 'attendance', titleZh: '因公外出', titleEn: 'Out on company business', textZh: '因公外出不能按时签到者在征得直接主管领导批准的情况下，由直接主管领导签字，交办公室备案，否则视为旷工。', textEn: "Someone out on company business needs the direct supervisor's signed approval, filed with the office; otherwise the day is unexcused absence." },
  { key: 'H-ATT-9', chapter: 'attendance', titleZh: '虚假证明', titleEn: 'False certification', textZh: '如果直接主管领导出具虚假证明则将承担连带责任，公司将视情节轻重给与处罚。', textEn: 'A supervisor who certifies falsely shares the liability and is punished according to severity.' },
  { key: 'H-ATT-10', chapter: 'attendance', titleZh: '请假', titleEn: 'Leave', textZh: '员工请假须提前一天申请，主管批准后报人事部备案。', textEn: 'Leave is requested at least one day ahead, approved by the supervisor and filed with HR.' },
  { key: 'H-ATT-11', chapter: 'attendance', titleZh: '突发事件', titleEn: 'Emergencies', textZh: '员工如遇特殊情况不能到岗上班，须提前一天按公司规定的请假程序办理请假手续；突发事件不能到岗，后续须补办请假手续。', textEn: 'In an emergency the leave is filed afterwards.' },
  { key: 'H-ATT-12', chapter: 'attendance', titleZh: '审批', titleEn: 'Approval', textZh: '因公外出不能按时签到者由直接主管领导签字；请假由主管批准。', textEn: 'Only the direct supervisor (or an administrator) approves.' },
];

/** The handbook as versioned articles, acknowledgements and disciplinary records (H-CON-1 … H-CON-9, H-ATT-9). */
export class StaffRules1764748800000 implements MigrationInterface {
  name = 'StaffRules1764748800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE handbook_version (
        number        integer PRIMARY KEY CHECK (number > 0),
        status        text NOT NULL CHECK (status IN ('draft', 'published')),
        note          text CHECK (length(note) <= 1000),
        created_at    timestamptz NOT NULL DEFAULT now(),
        created_by    uuid REFERENCES staff (id),
        published_at  timestamptz,
        published_by  uuid REFERENCES staff (id),
        CONSTRAINT handbook_published_has_time CHECK ((status = 'published') = (published_at IS NOT NULL))
      )`);
    // At most one draft at a time.
    await q.query(`CREATE UNIQUE INDEX handbook_one_draft ON handbook_version (status) WHERE status = 'draft'`);
    await q.query(`
      CREATE TABLE handbook_article (
        id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version   integer NOT NULL REFERENCES handbook_version (number),
        key       text NOT NULL CHECK (key ~ '^[A-Z][A-Z0-9-]{1,30}$'),
        chapter   text NOT NULL CHECK (chapter IN ('general', 'appearance', 'conduct', 'attendance')),
        position  integer NOT NULL,
        title_zh  text NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 200),
        title_en  text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
        text_zh   text NOT NULL CHECK (length(text_zh) BETWEEN 1 AND 5000),
        text_en   text NOT NULL CHECK (length(text_en) BETWEEN 1 AND 5000),
        UNIQUE (version, key)
      )`);
    // A published version is never edited: its articles are frozen by the database.
    await q.query(`
      CREATE FUNCTION handbook_refuse_published_edit() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE target integer := CASE WHEN TG_OP = 'INSERT' THEN NEW.version ELSE OLD.version END;
      BEGIN
        IF EXISTS (SELECT 1 FROM handbook_version WHERE number = target AND status = 'published') THEN
          RAISE EXCEPTION 'a published handbook version is never edited' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER handbook_article_frozen BEFORE INSERT OR UPDATE OR DELETE ON handbook_article FOR EACH ROW EXECUTE FUNCTION handbook_refuse_published_edit()`);

    await q.query(`INSERT INTO handbook_version (number, status, note) VALUES (1, 'draft', 'The handbook as given by the company')`);
    for (const [i, article] of ARTICLES.entries()) {
      await q.query(
        `INSERT INTO handbook_article (version, key, chapter, position, title_zh, title_en, text_zh, text_en) VALUES (1, $1, $2, $3, $4, $5, $6, $7)`,
        [article.key, article.chapter, (i + 1) * 10, article.titleZh, article.titleEn, article.textZh, article.textEn],
      );
    }
    // The handbook the company already lives by: in force since before any record in the system.
    await q.query(`UPDATE handbook_version SET status = 'published', published_at = '2000-01-01T00:00:00Z' WHERE number = 1`);

    await q.query(`
      CREATE TABLE handbook_acknowledgement (
        staff_id         uuid NOT NULL REFERENCES staff (id),
        version          integer NOT NULL REFERENCES handbook_version (number),
        acknowledged_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (staff_id, version)
      )`);

    await q.query(`
      CREATE TABLE disciplinary_record (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id           uuid NOT NULL REFERENCES staff (id),
        handbook_version   integer NOT NULL REFERENCES handbook_version (number),
        occurred_on        date NOT NULL,
        facts              text NOT NULL CHECK (length(facts) BETWEEN 1 AND 5000),
        severity           text NOT NULL CHECK (severity IN ('minor', 'major', 'severe')),
        action             text NOT NULL CHECK (action IN ('warning', 'fine')),
        amount_fen         integer,
        status             text NOT NULL CHECK (status IN ('issued', 'acknowledged', 'appealed', 'upheld', 'withdrawn')),
        issued_by          uuid NOT NULL REFERENCES staff (id),
        issued_at          timestamptz NOT NULL,
        statement          text CHECK (length(statement) <= 5000),
        resolution_reason  text CHECK (length(resolution_reason) <= 1000),
        linked_record_id   uuid REFERENCES disciplinary_record (id),
        exemption_id       uuid REFERENCES exemption (id),
        -- H-CON-8: a fine has a positive amount, a warning none (CASE, so that a NULL amount cannot slip through).
        CONSTRAINT disciplinary_fine_amount CHECK (CASE action WHEN 'fine' THEN amount_fen IS NOT NULL AND amount_fen BETWEEN 1 AND 100000000 ELSE amount_fen IS NULL END)
      )`);
    await q.query(`CREATE INDEX disciplinary_record_staff_idx ON disciplinary_record (staff_id, occurred_on)`);
    await q.query(`
      CREATE TABLE disciplinary_record_article (
        record_id   uuid NOT NULL REFERENCES disciplinary_record (id),
        article_id  uuid NOT NULL REFERENCES handbook_article (id),
        PRIMARY KEY (record_id, article_id)
      )`);
    // Nothing is deleted: records change only by their state machine.
    await q.query(`
      CREATE FUNCTION disciplinary_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'disciplinary records are never deleted' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER disciplinary_record_kept BEFORE DELETE ON disciplinary_record FOR EACH ROW EXECUTE FUNCTION disciplinary_refuse_delete()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['disciplinary_record_article', 'disciplinary_record', 'handbook_acknowledgement', 'handbook_article', 'handbook_version']) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP FUNCTION disciplinary_refuse_delete()`);
    await q.query(`DROP FUNCTION handbook_refuse_published_edit()`);
  }
}
