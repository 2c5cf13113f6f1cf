import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

describe('The handbook as versioned articles (H-CON-1 … H-CON-9)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let emp: CreatedStaff;
  let other: CreatedStaff;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    emp = await newStaff(t, admin);
    other = await newStaff(t, admin);
  });
  afterAll(() => t.close());

  it('H-CON-1…9: the current handbook is seeded with the code of conduct and the attendance chapter, in Chinese and English', async () => {
    const response = await t.http().get('/handbook').set(emp.auth);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ number: 1, status: 'published' });
    const keys = response.body.articles.map((article: { key: string }) => article.key);
    expect(keys.slice(0, 9)).toEqual(['H-CON-1', 'H-CON-2', 'H-CON-3', 'H-CON-4', 'H-CON-5', 'H-CON-6', 'H-CON-7', 'H-CON-8', 'H-CON-9']);
    expect(keys).toContain('H-ATT-9');
    const conduct8 = response.body.articles.find((article: { key: string }) => article.key === 'H-CON-8');
    expect(conduct8).toMatchObject({ chapter: 'conduct', textZh: expect.stringContaining('警告、罚款'), textEn: expect.stringContaining('warning or a fine') });
    expect(new Set(response.body.articles.map((article: { chapter: string }) => article.chapter))).toEqual(new Set(['general', 'appearance', 'conduct', 'attendance']));
  });

  it.each([
    ['H-CON-1', 'general', '商业秘密'],
    ['H-CON-2', 'appearance', '普通话'],
    ['H-CON-3', 'conduct', '不迟到、不早退'],
    ['H-CON-4', 'conduct', '转达'],
    ['H-CON-5', 'conduct', '串岗'],
    ['H-CON-6', 'conduct', '关好门窗'],
    ['H-CON-7', 'conduct', '保密'],
    ['H-CON-8', 'conduct', '警告、罚款'],
    ['H-CON-9', 'conduct', '请假程序'],
  ])('%s is an article of the seeded handbook (%s), in Chinese with an English rendering, citable in a disciplinary record', async (key, chapter, phrase) => {
    const response = await t.http().get('/handbook/versions/1').set(emp.auth);
    const article = response.body.articles.find((candidate: { key: string }) => candidate.key === key);
    expect(article).toMatchObject({ chapter, textZh: expect.stringContaining(phrase), id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(article.textEn.length).toBeGreaterThan(10);
  });

  it('publishing a version leaves the old one readable and unchanged; the difference is listed article by article', async () => {
    const before = (await t.http().get('/handbook/versions/1').set(emp.auth)).body;
    expect((await t.http().post('/handbook/versions').set(emp.auth).send({})).status).toBe(403);
    const draft = await t.http().post('/handbook/versions').set(admin.auth).send({ note: 'Live-stream rule' });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ number: 2, status: 'draft' });
    expect((await t.http().post('/handbook/versions').set(admin.auth).send({})).body.code).toBe('HANDBOOK_DRAFT_EXISTS');
    // A draft is not visible to employees yet.
    expect((await t.http().get('/handbook/versions/2').set(emp.auth)).status).toBe(404);
    await t.http().put('/handbook/versions/2/articles/H-CON-10').set(admin.auth).send({ chapter: 'conduct', titleZh: '直播规范', titleEn: 'Live streams', textZh: '直播时不得透露未公开的价格。', textEn: 'Do not reveal unpublished prices on a live stream.' }).expect(200);
    const changed = (await t.http().get('/handbook/versions/2').set(admin.auth)).body.articles.find((article: { key: string }) => article.key === 'H-CON-4');
    await t.http().put('/handbook/versions/2/articles/H-CON-4').set(admin.auth).send({ ...changed, id: undefined, key: undefined, textEn: 'Answer work calls politely and within three rings.' }).expect(200);
    await t.http().delete('/handbook/versions/2/articles/H-CON-5').set(admin.auth).expect(204);
    const published = await t.http().post('/handbook/versions/2/publish').set(admin.auth).send({});
    expect(published.status).toBe(200);
    expect((await t.http().get('/handbook').set(emp.auth)).body.number).toBe(2);
    expect((await t.http().get('/handbook/versions/1').set(emp.auth)).body).toEqual(before);
    // Published versions are never edited — by the API or in the database.
    const edit = await t.http().put('/handbook/versions/2/articles/H-CON-1').set(admin.auth).send({ chapter: 'general', titleZh: 'x', titleEn: 'x', textZh: 'x', textEn: 'x' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('HANDBOOK_VERSION_PUBLISHED');
    await expect(t.sql(`UPDATE handbook_article SET text_en = 'rewritten' WHERE version = 1`)).rejects.toThrow(/never edited/);
    await expect(t.sql(`DELETE FROM handbook_article WHERE version = 2`)).rejects.toThrow(/never edited/);
    const diff = await t.http().get('/handbook/diff?from=1&to=2').set(emp.auth);
    const change = (key: string) => diff.body.articles.find((article: { key: string }) => article.key === key).change;
    expect([change('H-CON-1'), change('H-CON-4'), change('H-CON-5'), change('H-CON-10')]).toEqual(['unchanged', 'changed', 'removed', 'added']);
  });

  it('each employee acknowledges the current version; admin sees who has not yet', async () => {
    const wrong = await t.http().post('/handbook/acknowledgements').set(emp.auth).send({ version: 1 });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('NOT_CURRENT_VERSION');
    const ok = await t.http().post('/handbook/acknowledgements').set(emp.auth).send({ version: 2 });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ staffId: emp.id, version: 2 });
    const again = await t.http().post('/handbook/acknowledgements').set(emp.auth).send({ version: 2 });
    expect(again.body.acknowledgedAt).toBe(ok.body.acknowledgedAt);
    const status = await t.http().get('/handbook/acknowledgements').set(admin.auth);
    expect(status.body.version).toBe(2);
    expect(status.body.acknowledged.map((ack: { staffId: string }) => ack.staffId)).toEqual([emp.id]);
    expect(status.body.notYet).toEqual(expect.arrayContaining([admin.id, other.id]));
    expect(status.body.notYet).not.toContain(emp.id);
    expect((await t.http().get('/handbook/acknowledgements').set(emp.auth)).status).toBe(403);
  });

  it('each employee reads which versions they acknowledged, newest first, and only their own (issue 14: what changed since)', async () => {
    const mine = await t.http().get('/handbook/acknowledgements/mine').set(emp.auth);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([{ staffId: emp.id, version: 2, acknowledgedAt: expect.any(String) }]);
    const theirs = await t.http().get('/handbook/acknowledgements/mine').set(other.auth);
    expect(theirs.body).toEqual({ items: [] });
    expect((await t.http().get('/handbook/acknowledgements/mine')).status).toBe(401);
  });
});
