import { proofPath } from "@verity/api";
import type { EventId, NotOnChain, TrainingSummary } from "@verity/db";

/** `event`, as a Markdown reference: checkpoint, transaction, and the path of its proof bundle. */
const proof = (event: EventId) => `checkpoint ${event.checkpoint}, proof \`${proofPath(event)}\``;

/** A field the chain cannot fill, as the draft shows it: for the provider to complete. */
const toFill = (field: NotOnChain) => `**to be completed by the provider** (${field.notOnChain})`;

/**
 * `summary` as a Markdown draft in the template's order (1. general information, 2. list of
 * data sources, 3. data processing), each fact from the chain with its proof path, and each field
 * the chain cannot fill marked for the provider.
 */
export function trainingSummaryMarkdown(summary: TrainingSummary): string {
  const { general, dataSources, processing } = summary;
  const { model, provider } = general;
  const lines = [
    `# Public summary of training content: ${model.name.value} (draft)`,
    "",
    `Following the ${summary.template}. Filled from the chain; each fact names the event that shows it.`,
    "",
    "## 1. General information",
    "",
    "### 1.1 Provider identification",
    "",
    `- Provider (registering address): \`${provider.address.value}\` (${proof(provider.address.event)})`,
    `- Name: ${toFill(provider.name)}`,
    `- Contact: ${toFill(provider.contact)}`,
    "",
    "### 1.2 Model identification",
    "",
    `- Model: ${model.name.value} (\`${model.id}\`), ${model.architecture.value}, ${model.framework.value}${model.generative.value ? ", generative" : ""} (${proof(model.name.event)})`,
    `- Base model: ${model.baseModel.value ? `\`${model.baseModel.value}\`` : "none (trained from scratch)"}`,
    `- Registered on chain: ${model.registered.value}`,
    `- Placed on the market: ${toFill(model.placedOnMarket)}`,
    "",
    "### 1.3 Modalities, overall training data size and other characteristics",
    "",
    `- Modalities: ${general.modalities.modalities.join(", ") || "none"} (media types: ${general.modalities.mediaTypes.join(", ") || "none"})`,
    `- Training data: ${general.trainingDataSize.datasets} dataset${general.trainingDataSize.datasets === 1 ? "" : "s"}, ${general.trainingDataSize.bytes} bytes`,
    `- Latest data registered: ${general.latestDataDate ?? "none"}`,
    `- Linguistic characteristics: ${toFill(general.linguisticCharacteristics)}`,
    "",
    "## 2. List of data sources",
    "",
    `Categories (public, licensed, crawled, user, synthetic): ${toFill(dataSources.categories)}`,
    "",
    "| dataset | role | license | size (bytes) | media type | registered | derived from | retracted | event |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...dataSources.datasets.map(
      (d) =>
        `| ${cell(d.name)} \`${d.id}\` | ${d.role === "trainedOn" ? "trained on" : "source"} | ${cell(d.license)} | ${d.sizeBytes} | ${cell(d.mediaType)} | ${d.registered} | ${d.derivedFrom.map((p) => `\`${p}\``).join(", ") || "none"} | ${d.retracted ? `${d.retracted.value.at}: ${cell(d.retracted.value.reason)} (${proof(d.retracted.event)})` : "no"} | ${proof(d.event)} |`,
    ),
    "",
    "## 3. Relevant data processing aspects",
    "",
    "### Attested activities",
    "",
    ...processing.activities.map(
      (a) =>
        `- ${a.kind} \`${a.id}\`, ${a.attester ? `signed by ${a.attester.name ?? "attester"} \`${a.attester.id}\`${a.attester.enclave ? " (an enclave)" : ""}` : "self-recorded (unsigned)"}, ${a.signed} (${proof(a.event)})`,
    ),
    "",
    "### 3.1 Reservations of rights (text and data mining)",
    "",
    ...processing.textAndDataMiningReservations.map(
      (r) =>
        `- \`${r.dataset}\`: data mining ${r.dataMining}, AI training ${r.aiTraining} (${proof(r.event)})`,
    ),
    "",
    "### 3.2 Removal of illegal content",
    "",
    toFill(processing.illegalContentRemoval),
    "",
  ];
  return lines.join("\n");
}

/** `text` safe in a Markdown table cell. */
const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
