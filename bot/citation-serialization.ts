import { createRequire } from 'node:module';

/**
 * botbuilder 4.23's outgoing serializer keeps only `type`, `text` and `mentioned` of an entity,
 * which strips the schema.org Message entity down to its type: Teams then shows "[1]" as plain
 * text instead of a citation. Letting the Entity mapper pass every other property through keeps
 * citations and the AI label intact. botbuilder is no longer developed upstream, so this stays
 * here, at the edge, until the move to the Agents SDK.
 */
export function keepEntityPropertiesWhenSending(): void {
  const require = createRequire(import.meta.url);
  const { ConnectorMappers } = require('botframework-connector/lib/connectorApi/connectorClient.js') as {
    ConnectorMappers: { Entity: { type: { additionalProperties?: unknown } } };
  };
  ConnectorMappers.Entity.type.additionalProperties = { type: { name: 'Object' } };
}
