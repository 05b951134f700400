/**
 * A draft of the public summary of a model's training content, in the structure of the European
 * AI Office's template for Article 53(1)(d) of the AI Act (July 2025): 1. general information,
 * 2. list of data sources, 3. relevant data processing aspects. Filled from the chain (the
 * model's row, its upstream datasets, their transforms and attesters, retractions), each fact
 * with the event that shows it; the fields the chain cannot fill say so (`NOT_ON_CHAIN`).
 */
import type { AiTermsJson } from "@verity/sdk";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import type { LiveGraph } from "../graph/live-graph.ts";
import { provLineage } from "../queries/lineage.ts";
import { selectRows, textArray } from "../raw.ts";
import type { EventId } from "../schema/columns.ts";
import { attestations, attesters, datasetRetractions, datasets, models } from "../schema/index.ts";
import { eventOf } from "./findings.ts";
import { MAX_AUDIT_DEPTH, MAX_AUDIT_NODES } from "./policy.ts";

/** The template the summary follows. */
export const TRAINING_SUMMARY_TEMPLATE =
  "European AI Office, Template for the Public Summary of Training Content for general-purpose AI models (Article 53(1)(d) AI Act), July 2025";

/** A field the chain cannot fill, and why. */
export interface NotOnChain {
  value: null;
  /** what the provider must fill in, and why the chain does not hold it */
  notOnChain: string;
}

/** A fact from the chain, with the event that shows it. */
export interface OnChain<T> {
  value: T;
  event: EventId;
}

/** One upstream dataset, as section 2 lists it. */
export interface SummaryDataset {
  id: string;
  name: string;
  /** `trainedOn`: the training used it; `source`: a dataset it was derived from */
  role: "trainedOn" | "source";
  license: string;
  /** bytes */
  sizeBytes: number;
  mediaType: string;
  /** registration time, ISO 8601 */
  registered: string;
  creator: string;
  blobId: string;
  sha256: string;
  /** the terms for AI use in force (the newest) */
  terms: AiTermsJson;
  /** the datasets it was derived from */
  derivedFrom: string[];
  /** its retraction, when its creator withdrew it */
  retracted: OnChain<{ reason: string; at: string }> | null;
  /** its registration */
  event: EventId;
}

/** An attested activity upstream (a transform, the training, ...), as section 3 lists it. */
export interface SummaryActivity {
  id: string;
  kind: string;
  /** the signing attester's id and name; null when self-recorded (unsigned) */
  attester: { id: string; name: string | null; enclave: boolean } | null;
  inputs: string[];
  outputs: string[];
  /** signing time, ISO 8601 */
  signed: string;
  event: EventId;
}

/** The summary: the template's three sections, and the list of what the chain cannot fill. */
export interface TrainingSummary {
  template: typeof TRAINING_SUMMARY_TEMPLATE;
  general: {
    provider: { address: OnChain<string>; name: NotOnChain; contact: NotOnChain };
    model: {
      id: string;
      name: OnChain<string>;
      architecture: OnChain<string>;
      framework: OnChain<string>;
      generative: OnChain<boolean>;
      baseModel: OnChain<string | null>;
      registered: OnChain<string>;
      placedOnMarket: NotOnChain;
    };
    modalities: { mediaTypes: string[]; modalities: string[] };
    trainingDataSize: { datasets: number; bytes: number };
    /** the newest registration among the datasets, ISO 8601 */
    latestDataDate: string | null;
    linguisticCharacteristics: NotOnChain;
  };
  dataSources: {
    datasets: SummaryDataset[];
    categories: NotOnChain;
  };
  processing: {
    activities: SummaryActivity[];
    /**
     * each dataset's machine-readable reservation: its terms for AI use in force, with the event
     * that set them (its registration, or its latest `DatasetTermsSet`)
     */
    textAndDataMiningReservations: {
      dataset: string;
      dataMining: string;
      aiTraining: string;
      event: EventId;
    }[];
    illegalContentRemoval: NotOnChain;
  };
  /** the fields above the chain cannot fill (paths) */
  notOnChain: string[];
}

const NOT_ON_CHAIN = {
  providerName: "the provider's legal name: the chain knows the registering address only",
  contact: "a contact point: not recorded on chain",
  placedOnMarket: "the date the model was placed on the market: an act off chain",
  linguistic: "languages of the data: the chain records media types, not content languages",
  categories:
    "how each dataset was obtained (publicly available, licensed from third parties, crawled, user data, synthetic): the chain records licenses and creators, not acquisition",
  illegalContent: "measures to remove illegal content: not recorded on chain",
};

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const notOnChain = (why: string): NotOnChain => ({ value: null, notOnChain: why });

/** The modality of a media type, as the template names them. */
function modalityOf(mediaType: string): string {
  const top = mediaType.split("/")[0];
  if (top === "image" || top === "audio" || top === "video") return top;
  if (top === "text" || /json|csv|xml|yaml|markdown/.test(mediaType)) return "text";
  return "other";
}

/**
 * The training-content summary of model `modelId` (0x + 64 hex): its row, every dataset upstream
 * (up to `MAX_AUDIT_DEPTH` hops and `MAX_AUDIT_NODES` nodes; read from `live` when loaded),
 * the attested activities among them, their attesters and the datasets' retractions.
 *
 * @returns null when no model has this id
 * @throws the driver's error when the database cannot be read
 */
export async function trainingSummary(
  db: Db,
  modelId: string,
  live?: LiveGraph,
): Promise<TrainingSummary | null> {
  const [model] = await db.select().from(models).where(eq(models.modelId, modelId));
  if (!model) return null;
  const walk = await provLineage(
    db,
    modelId,
    { direction: "upstream", depth: MAX_AUDIT_DEPTH, maxNodes: MAX_AUDIT_NODES },
    live,
  );
  const idsOf = (kind: string) =>
    (walk?.nodes ?? []).filter((n) => n.kind === kind).map((n) => n.id);
  const [datasetRows, activityRows, retractions, termsChanges] = await Promise.all([
    idsOf("dataset").length
      ? db
          .select()
          .from(datasets)
          .where(inArray(datasets.datasetId, idsOf("dataset")))
      : [],
    idsOf("attestation").length
      ? db
          .select()
          .from(attestations)
          .where(inArray(attestations.attestationId, idsOf("attestation")))
      : [],
    idsOf("dataset").length
      ? db
          .select()
          .from(datasetRetractions)
          .where(inArray(datasetRetractions.datasetId, idsOf("dataset")))
      : [],
    // The event that set each dataset's terms in force, when not its registration.
    selectRows<{ id: string; checkpoint: number; txDigest: string; eventIndex: number }>(
      db,
      sql`select distinct on (dataset_id) dataset_id as id, checkpoint,
                 tx_digest as "txDigest", event_index as "eventIndex"
          from dataset_terms_changes where dataset_id = any(${textArray(idsOf("dataset"))})
          order by dataset_id, checkpoint desc, event_index desc`,
    ),
  ]);
  const termsSetBy = new Map(termsChanges.map((c) => [c.id, eventOf(c)]));
  const attesterIds = [
    ...new Set(activityRows.flatMap((a) => (a.attesterId ? [a.attesterId] : []))),
  ];
  const attesterNames = new Map(
    (attesterIds.length
      ? await db.select().from(attesters).where(inArray(attesters.attesterId, attesterIds))
      : []
    ).map((a) => [a.attesterId, a.name]),
  );
  const retractionOf = new Map(retractions.map((r) => [r.datasetId, r]));
  const trainedOn = new Set(model.datasets);
  const byTime = <T extends { timestampMs: number; checkpoint: number }>(a: T, b: T) =>
    a.checkpoint - b.checkpoint || a.timestampMs - b.timestampMs;
  const summaryDatasets = datasetRows.sort(byTime).map((d): SummaryDataset => {
    const retraction = retractionOf.get(d.datasetId);
    return {
      id: d.datasetId,
      name: d.name,
      role: trainedOn.has(d.datasetId) ? "trainedOn" : "source",
      license: d.license,
      sizeBytes: Number(d.size),
      mediaType: d.mediaType,
      registered: iso(d.timestampMs),
      creator: d.creator,
      blobId: d.blobId,
      sha256: d.sha256,
      terms: d.terms,
      derivedFrom: d.parents,
      retracted: retraction
        ? {
            value: { reason: retraction.reason, at: iso(retraction.timestampMs) },
            event: eventOf(retraction),
          }
        : null,
      event: eventOf(d),
    };
  });
  const activities = activityRows.sort(byTime).map(
    (a): SummaryActivity => ({
      id: a.attestationId,
      kind: a.kind,
      attester:
        a.signed && a.attesterId
          ? { id: a.attesterId, name: attesterNames.get(a.attesterId) ?? null, enclave: a.enclave }
          : null,
      inputs: a.inputs,
      outputs: a.outputs,
      signed: iso(a.timestampMs),
      event: eventOf(a),
    }),
  );
  const trained = summaryDatasets.filter((d) => d.role === "trainedOn");
  const mediaTypes = [...new Set(trained.map((d) => d.mediaType))].sort();
  const modelEvent = eventOf(model);
  const fact = <T>(value: T): OnChain<T> => ({ value, event: modelEvent });
  return {
    template: TRAINING_SUMMARY_TEMPLATE,
    general: {
      provider: {
        address: fact(model.creator),
        name: notOnChain(NOT_ON_CHAIN.providerName),
        contact: notOnChain(NOT_ON_CHAIN.contact),
      },
      model: {
        id: model.modelId,
        name: fact(model.name),
        architecture: fact(model.architecture),
        framework: fact(model.framework),
        generative: fact(model.generative),
        baseModel: fact(model.baseModelId),
        registered: fact(iso(model.timestampMs)),
        placedOnMarket: notOnChain(NOT_ON_CHAIN.placedOnMarket),
      },
      modalities: { mediaTypes, modalities: [...new Set(mediaTypes.map(modalityOf))].sort() },
      trainingDataSize: {
        datasets: trained.length,
        bytes: trained.reduce((n, d) => n + d.sizeBytes, 0),
      },
      latestDataDate:
        trained
          .map((d) => d.registered)
          .sort()
          .at(-1) ?? null,
      linguisticCharacteristics: notOnChain(NOT_ON_CHAIN.linguistic),
    },
    dataSources: {
      datasets: summaryDatasets,
      categories: notOnChain(NOT_ON_CHAIN.categories),
    },
    processing: {
      activities,
      textAndDataMiningReservations: summaryDatasets.map((d) => ({
        dataset: d.id,
        dataMining: d.terms.data_mining.use,
        aiTraining: d.terms.ai_training.use,
        event: termsSetBy.get(d.id) ?? d.event,
      })),
      illegalContentRemoval: notOnChain(NOT_ON_CHAIN.illegalContent),
    },
    notOnChain: [
      "general.provider.name",
      "general.provider.contact",
      "general.model.placedOnMarket",
      "general.linguisticCharacteristics",
      "dataSources.categories",
      "processing.illegalContentRemoval",
    ],
  };
}
