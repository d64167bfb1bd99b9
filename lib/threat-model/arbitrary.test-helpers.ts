// fast-check generators of valid models, for the round-trip properties.
import fc from "fast-check";
import {
  ASSET_KINDS,
  ASSET_STATES,
  LEVELS,
  LINK_STATUSES,
  STAGES,
  STRIDE,
  THREAT_STATUSES,
  type ThreatModel,
} from "./model";

const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/@+=-]{0,30}$/);
const label = fc.string({ minLength: 1, maxLength: 40, unit: "binary" });
const free = fc.string({ maxLength: 60, unit: "binary" });
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

export const modelArbitrary: fc.Arbitrary<ThreatModel> = fc
  .record({
    assetIds: fc.uniqueArray(id, { maxLength: 6 }),
    controlIds: fc.uniqueArray(id, { maxLength: 5 }),
    boundaryIds: fc.uniqueArray(id, { maxLength: 3 }),
    threatIds: fc.uniqueArray(id, { maxLength: 5 }),
  })
  .chain(({ assetIds, controlIds, boundaryIds, threatIds }) =>
    fc.record({
      assets: fc.tuple(
        ...assetIds.map((i) =>
          fc.record({
            id: fc.constant(i),
            kind: pick(ASSET_KINDS),
            name: label,
            stage: pick(STAGES),
            detail: free,
            state: pick(ASSET_STATES),
            origin: pick(["generated", "manual"] as const),
          }),
        ),
      ),
      boundaries: fc.tuple(
        ...boundaryIds.map((i) =>
          fc.record({
            id: fc.constant(i),
            name: label,
            from: fc.option(pick(STAGES), { nil: null }),
            to: fc.option(pick(STAGES), { nil: null }),
          }),
        ),
      ),
      controls: fc.tuple(
        ...controlIds.map((i) =>
          fc.oneof(
            fc.record({
              id: fc.constant(i),
              kind: fc.constant("check" as const),
              check: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
            }),
            fc.record({
              id: fc.constant(i),
              kind: fc.constant("manual" as const),
              title: label,
              owner: free,
              note: free,
            }),
          ),
        ),
      ),
      threats: fc.tuple(
        ...threatIds.map((i) =>
          fc.record({
            id: fc.constant(i),
            title: label,
            category: pick(STRIDE),
            stage: pick(STAGES),
            description: free,
            likelihood: pick(LEVELS),
            impact: pick(LEVELS),
            status: pick(THREAT_STATUSES),
            assetIds: assetIds.length
              ? fc.uniqueArray(pick(assetIds), { maxLength: 3 })
              : fc.constant([] as string[]),
            controls: controlIds.length
              ? fc.uniqueArray(fc.record({ controlId: pick(controlIds), status: pick(LINK_STATUSES) }), {
                  maxLength: 3,
                  selector: (l) => l.controlId,
                })
              : fc.constant([]),
          }),
        ),
      ),
    }),
  ) as fc.Arbitrary<ThreatModel>;
