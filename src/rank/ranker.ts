/**
 * What the rest of the program asks of ranking: the seam between the pure scorers (rank.ts) and
 * the pipeline, the web app and the outputs. `createRanker` (for-day.ts) builds one from the
 * settings and the store; tests pass a fake.
 */
import type { DayView } from '../core/day-view.js';
import type { Profile } from './profile.js';

/**
 * Store state keys: the profile saved from the web app, and the ratings model. Kept in this light
 * module so that code which only checks them (doctor, the CLI) does not load ranking.
 */
export const PROFILE_STATE = 'profile';
export const MODEL_STATE = 'rank-model';

export interface Ranker {
  /**
   * The profile in force: the one saved from the web app (else the config file's), with the
   * command line's --keywords / --exclude / --authors on top.
   */
  profile(): Profile;
  /** True when there is anything to rank by: a non-empty profile, a library, or enough ratings. */
  active(): boolean;
  /**
   * The day with every paper's score and reason and its "For you" picks (day-view.ts
   * withRanking); the day unchanged when the ranker is not active.
   */
  rankDay(day: DayView): Promise<DayView>;
  /** Saves a profile edited in the web app (replacing the config file's), or null to go back to it. */
  saveProfile(profile: Profile | null): void;
}
