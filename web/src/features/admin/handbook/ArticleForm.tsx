import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { type MessageKey, useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { bannerAfter } from '../shared';
import { CHAPTERS } from './Articles';

type Article = Schemas['ArticleDto'];
type Values = Schemas['PutArticleDto'] & { key?: string };

/** Adds or changes one article of the draft (PUT …/articles/{key}): both languages, its chapter and place. */
export function ArticleForm({ n, editing, onClose }: { n: number; editing: Article | 'new' | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<unknown>(null);
  const adding = editing === 'new';

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(
      editing === 'new'
        ? { key: '', chapter: 'conduct', titleZh: '', titleEn: '', textZh: '', textEn: '', position: undefined }
        : { chapter: editing.chapter, position: editing.position, titleZh: editing.titleZh, titleEn: editing.titleEn, textZh: editing.textZh, textEn: editing.textEn },
    );
    setBanner(null);
  }, [editing, form]);

  const save = useMutation({
    mutationFn: ({ key, ...body }: Values) => {
      const articleKey = editing === 'new' ? (key ?? '').trim() : (editing as Article).key;
      return unwrap(api.PUT('/handbook/versions/{n}/articles/{key}', { params: { path: { n, key: articleKey } }, body }));
    },
    onSuccess: (article) => {
      void queryClient.invalidateQueries({ queryKey: ['handbook'] });
      void message.success(t('admin.handbook.articleSaved', { key: article.key }));
      onClose();
    },
    onError: (error) => setBanner(bannerAfter(form, error)),
  });
  const required = { required: true, message: t('admin.form.required') };
  return (
    <Modal
      open={!!editing}
      title={adding ? t('admin.handbook.addArticle') : t('admin.handbook.editArticle', { key: editing ? (editing as Article).key : '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={720}
    >
      {banner ? <ErrorAlert error={banner} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <div className="admin-form-row">
          {adding ? (
            <Form.Item
              name="key"
              label={t('admin.handbook.articleKey')}
              extra={t('admin.handbook.articleKeyHelp')}
              rules={[required, { pattern: /^[A-Z][A-Z0-9-]{1,30}$/, message: t('admin.handbook.articleKeyFormat') }]}
            >
              <Input maxLength={31} placeholder="H-CON-10" />
            </Form.Item>
          ) : null}
          <Form.Item name="chapter" label={t('admin.handbook.chapter')} rules={[required]}>
            <Select options={CHAPTERS.map((chapter) => ({ value: chapter, label: t(`admin.chapter.${chapter}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="position" label={t('admin.handbook.position')} extra={t('admin.handbook.positionHelp')}>
            <InputNumber precision={0} />
          </Form.Item>
        </div>
        <Form.Item name="titleZh" label={t('admin.handbook.titleZh')} rules={[required]}>
          <Input maxLength={200} lang="zh-CN" />
        </Form.Item>
        <Form.Item name="textZh" label={t('admin.handbook.textZh')} rules={[required]}>
          <Input.TextArea rows={4} maxLength={5000} lang="zh-CN" />
        </Form.Item>
        <Form.Item name="titleEn" label={t('admin.handbook.titleEn')} rules={[required]}>
          <Input maxLength={200} lang="en" />
        </Form.Item>
        <Form.Item name="textEn" label={t('admin.handbook.textEn')} rules={[required]}>
          <Input.TextArea rows={4} maxLength={5000} lang="en" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
