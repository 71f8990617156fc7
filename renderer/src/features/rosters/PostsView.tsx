import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button, ConfirmDialog, Dialog, Field, Select, TextInput } from '../../components';
import { notify } from '../../app/notify';
import { applyServerIssues, useVigilMutation, useVigilQuery } from '../../lib/queries';
import { PostInputSchema, ROSTER_ROLES, type Post } from '../../../../shared/contract/rosters';
import { AppError } from '../../../../shared/envelope';
import { useRosterErrorText } from './hooks';

type PostForm = z.input<typeof PostInputSchema>;

/** Posts per premises, each with its shifts (label, start, end, how many people). */
export function PostsView() {
  const { t } = useTranslation('rosters');
  const posts = useVigilQuery('rosters.posts.list', {}).data ?? [];
  const premises = useVigilQuery('premises.list', { startRow: 0, endRow: 1000 }).data?.rows ?? [];
  const [editing, setEditing] = useState<Post | 'new' | null>(null);
  const byPremises = premises.map((p) => ({ premises: p, posts: posts.filter((x) => x.premisesId === p.id) })).filter((g) => g.posts.length > 0);
  return (
    <div className="ros-posts">
      <div className="ros-toolbar">
        <Button variant="primary" onClick={() => setEditing('new')} disabled={!premises.length}>
          {t('posts.add')}
        </Button>
      </div>
      {byPremises.length === 0 && <p>{t('posts.none')}</p>}
      {byPremises.map((g) => (
        <section key={g.premises.id} className="ros-posts__group">
          <h3 dir="auto">{g.premises.name}</h3>
          <ul className="ros-list">
            {g.posts.map((p) => (
              <li key={p.id}>
                <span className={`ros-chip ros-post-${p.colour}`}>{p.code}</span> <strong dir="auto">{p.name}</strong> · {t(`roles.${p.role}`)} ·{' '}
                {p.shifts.map((s) => `${s.label} ${s.start}–${s.end} ×${s.needed}`).join(', ')}
                <Button size="sm" variant="ghost" onClick={() => setEditing(p)}>
                  {t('posts.edit')}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {editing && <PostDialog post={editing === 'new' ? null : editing} premises={premises.map((p) => ({ value: p.id, label: p.name }))} onClose={() => setEditing(null)} />}
    </div>
  );
}

function PostDialog({ post, premises, onClose }: { post: Post | null; premises: { value: string; label: string }[]; onClose(): void }) {
  const { t } = useTranslation('rosters');
  const errorText = useRosterErrorText();
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<PostForm, unknown, z.output<typeof PostInputSchema>>({
    resolver: zodResolver(PostInputSchema),
    defaultValues: post
      ? { premisesId: post.premisesId, name: post.name, code: post.code, role: post.role, shifts: post.shifts }
      : { premisesId: premises[0]?.value ?? '', name: '', code: '', role: 'guard', shifts: [{ label: t('posts.dayLabel'), start: '07:00', end: '19:00', needed: 1 }, { label: t('posts.nightLabel'), start: '19:00', end: '07:00', needed: 1 }] },
  });
  const shifts = useFieldArray({ control, name: 'shifts' });
  const done = () => {
    notify.success(t('posts.saved'));
    onClose();
  };
  // A post or shift that still holds roster cells: the core refuses and says how many; offer to clear them.
  const [held, setHeld] = useState<null | { message: string; retry: () => void }>(null);
  const heldBy = (retry: () => void) => (err: unknown) => {
    if (err instanceof AppError && err.code === 'CONFLICT') {
      setHeld({ message: err.message, retry });
      return true;
    }
    return applyServerIssues(setError)(err);
  };
  const [values, setValues] = useState<z.output<typeof PostInputSchema> | null>(null);
  const create = useVigilMutation('rosters.posts.create', { onSuccess: done, onError: applyServerIssues(setError) });
  const update = useVigilMutation('rosters.posts.update', { onSuccess: done, onError: heldBy(() => post && values && update.mutate({ ...values, id: post.id, removeAssignments: true })) });
  const remove = useVigilMutation('rosters.posts.delete', { onSuccess: done, onError: heldBy(() => post && remove.mutate({ id: post.id, removeAssignments: true })) });
  const submit = handleSubmit((v) => {
    setValues(v);
    if (post) update.mutate({ ...v, id: post.id });
    else create.mutate(v);
  });
  return (
    <Dialog
      open
      size="lg"
      title={post ? t('posts.editTitle', { name: post.name }) : t('posts.addTitle')}
      onClose={onClose}
      footer={
        <>
          {post && (
            <Button variant="danger" onClick={() => remove.mutate({ id: post.id })} busy={remove.isPending}>
              {t('posts.delete')}
            </Button>
          )}
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" onClick={() => void submit()} busy={create.isPending || update.isPending}>
            {t('save')}
          </Button>
        </>
      }
    >
      <form className="ros-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('posts.premises')} error={errorText(errors.premisesId)} required>
          <Select {...register('premisesId')} options={premises} />
        </Field>
        <Field label={t('posts.name')} error={errorText(errors.name)} required>
          <TextInput {...register('name')} dir="auto" />
        </Field>
        <Field label={t('posts.code')} hint={t('posts.codeHint')} error={errorText(errors.code)}>
          <TextInput {...register('code')} dir="ltr" maxLength={8} />
        </Field>
        <Field label={t('posts.role')}>
          <Select {...register('role')} options={ROSTER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Field>
      </form>
      <h4>{t('posts.shifts')}</h4>
      {errors.shifts?.root && <p className="v-field__error">{errorText(errors.shifts.root)}</p>}
      {shifts.fields.map((f, i) => (
        <div key={f.id} className="ros-shift-row">
          <Field label={t('posts.shiftLabel')} error={errorText(errors.shifts?.[i]?.label)}>
            <TextInput {...register(`shifts.${i}.label`)} dir="auto" />
          </Field>
          <Field label={t('posts.start')} error={errorText(errors.shifts?.[i]?.start)}>
            <TextInput type="time" dir="ltr" {...register(`shifts.${i}.start`)} />
          </Field>
          <Field label={t('posts.end')} error={errorText(errors.shifts?.[i]?.end)}>
            <TextInput type="time" dir="ltr" {...register(`shifts.${i}.end`)} />
          </Field>
          <Field label={t('posts.needed')} error={errorText(errors.shifts?.[i]?.needed)}>
            <TextInput type="number" min={1} max={50} {...register(`shifts.${i}.needed`, { valueAsNumber: true })} />
          </Field>
          <Button size="sm" variant="ghost" onClick={() => shifts.remove(i)} disabled={shifts.fields.length < 2}>
            {t('posts.removeShift')}
          </Button>
        </div>
      ))}
      <Button size="sm" onClick={() => shifts.append({ label: '', start: '07:00', end: '19:00', needed: 1 })}>
        {t('posts.addShift')}
      </Button>
      {held && (
        <ConfirmDialog
          open
          danger
          title={t('posts.heldTitle')}
          message={held.message}
          confirmLabel={t('posts.clearCells')}
          cancelLabel={t('cancel')}
          onConfirm={() => {
            held.retry();
            setHeld(null);
          }}
          onCancel={() => setHeld(null)}
        />
      )}
    </Dialog>
  );
}
