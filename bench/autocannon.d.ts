// autocannon ships no types: the part of its API the bench uses.
declare module "autocannon" {
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    method?: "GET" | "POST";
    headers?: Record<string, string>;
    body?: string;
    /** Replaces `[<id>]` in the body with a fresh id per request. */
    idReplacement?: boolean;
    timeout?: number;
    /** Returns raw histograms, to be merged with aggregateResult. */
    skipAggregateResult?: boolean;
  }

  export interface Percentiles {
    average: number;
    p50: number;
    p99: number;
    max: number;
    totalCount: number;
  }

  export interface Result {
    duration: number;
    errors: number;
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Percentiles;
  }

  /** What a run gives with skipAggregateResult. */
  export interface RawResult {
    duration: number;
    totalCompletedRequests: number;
  }

  interface Autocannon {
    (options: Options & { skipAggregateResult: true }): Promise<RawResult>;
    (options: Options): Promise<Result>;
    aggregateResult(results: RawResult[], options: Partial<Options>): Result;
  }

  const autocannon: Autocannon;
  export default autocannon;
}
