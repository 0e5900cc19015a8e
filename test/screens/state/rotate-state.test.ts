import { describe, expect, it } from 'vitest';
import type { RotationPlan } from '../../../src/core/rotation/plan-types.js';
import { rotateReducer, type RotateState } from '../../../src/screens/rotate/rotate-state.js';

const plan = (overrides: Partial<RotationPlan> = {}): RotationPlan => ({
  old: { name: 'www-2026', path: '/', arn: 'arn:old', id: 'ASCAOLD', names: [] },
  incoming: { name: 'www-2027', path: '/', arn: 'arn:new', id: 'ASCANEW', names: [], key: 'RSA 2048', upload: false },
  swaps: [
    {
      kind: 'ELB',
      region: 'us-east-1',
      name: 'web',
      listener: 'HTTPS:443',
      port: 443,
      certificate: { arn: 'arn:old' },
    },
  ],
  alreadyOnNew: [],
  restores: [],
  checks: [],
  retire: { mode: 'rename', as: 'www-2026-retired-20261130' },
  notes: [],
  regions: ['us-east-1'],
  ready: true,
  ...overrides,
});
const run = (state: RotateState, ...actions: Parameters<typeof rotateReducer>[1][]) =>
  actions.reduce(rotateReducer, state);

describe('the rotation flow', () => {
  it('pick → plan → typed confirmation → running → finished', () => {
    let state = run({ step: 'pick' }, { type: 'choose', target: { kind: 'existing', name: 'www-2027' } });
    expect(state).toMatchObject({ step: 'planning', retire: 'rename', resume: false });
    state = run(state, { type: 'planned', plan: plan() }, { type: 'confirm' });
    expect(state.step).toBe('confirm');
    state = run(state, { type: 'cancel' });
    expect(state.step).toBe('plan');
    state = run(state, { type: 'confirm' }, { type: 'start' });
    expect(state).toMatchObject({ step: 'running', stopping: false });
    expect(state.step === 'running' && state.steps.map((step) => step.id)).toEqual([
      'upload',
      'swap-0',
      'verify',
      'retire',
    ]);
    state = run(state, { type: 'finished', result: { ok: true, steps: [] } });
    expect(state.step).toBe('finished');
  });

  it('m cycles the retirement and names the retired certificate by date', () => {
    const now = new Date('2026-12-24T00:00:00Z');
    let state = run(
      { step: 'pick' },
      { type: 'choose', target: { kind: 'existing', name: 'www-2027' } },
      { type: 'planned', plan: plan() },
    );
    state = run(state, { type: 'next-retire', now });
    expect(state.step === 'plan' && state.plan.retire).toEqual({ mode: 'delete' });
    state = run(state, { type: 'next-retire', now }, { type: 'next-retire', now });
    expect(state.step === 'plan' && state.plan.retire).toEqual({ mode: 'rename', as: 'www-2026-retired-20261224' });
  });

  it('r after a failure plans again and, with nothing in the way, runs at once; the retirement chosen is kept', () => {
    let state = run(
      { step: 'pick' },
      { type: 'choose', target: { kind: 'existing', name: 'www-2027' } },
      { type: 'planned', plan: plan() },
      { type: 'next-retire', now: new Date() },
      { type: 'confirm' },
      { type: 'start' },
    );
    state = run(
      state,
      {
        type: 'finished',
        result: {
          ok: false,
          steps: [],
          problem: { code: 'CANCELLED', message: 'Cancelled.', fix: 'Nothing more to do.' },
        },
      },
      { type: 'resume' },
    );
    expect(state).toMatchObject({ step: 'planning', resume: true, retire: 'delete' });
    expect(run(state, { type: 'planned', plan: plan() }).step).toBe('running');
    expect(run(state, { type: 'planned', plan: plan({ ready: false }) }).step).toBe('plan');
  });

  it('Esc from a plan of files goes back to the files as typed; the files form refuses without a certificate and key', () => {
    const target = { kind: 'files' as const, certificate: 'new.pem', privateKey: 'new.key', chain: '', name: '' };
    const state = run(
      { step: 'pick' },
      { type: 'choose', target },
      { type: 'planned', plan: plan() },
      { type: 'back' },
    );
    expect(state).toMatchObject({ step: 'files', values: { certificate: 'new.pem', privateKey: 'new.key' } });
    expect(
      run(
        { step: 'files', field: 0, values: { certificate: '', privateKey: '', chain: '', name: '' } },
        { type: 'refuse', why: 'Give the certificate' },
      ),
    ).toMatchObject({ refused: 'Give the certificate' });
  });
});
