import type { Core } from '../../../electron/core/types';
import { call } from './testCore';

/** An office with one gate post (a 12 h day and a 12 h night shift, one guard each) and `guards` guards. */
export async function officeWithGatePost(core: Core, guards = 3) {
  const premises = await call(core, 'premises.create', { name: 'Main office', type: 'office' } as never);
  const post = await call(core, 'rosters.posts.create', {
    premisesId: premises.id,
    name: 'Office gate',
    role: 'guard',
    shifts: [
      { label: 'Day', start: '07:00', end: '19:00', needed: 1 },
      { label: 'Night', start: '19:00', end: '07:00', needed: 1 },
    ],
  });
  const staff = [];
  for (let i = 0; i < guards; i++) staff.push(await call(core, 'rosters.staff.create', { name: `Guard ${i + 1}`, role: 'guard' }));
  return { premises, post, day: post.shifts[0]!, night: post.shifts[1]!, staff };
}
