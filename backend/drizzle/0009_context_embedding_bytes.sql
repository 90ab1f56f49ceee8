-- The context embedding as bytea (4-byte big-endian floats, as float4send writes them) instead of
-- real[]; stored vectors are converted, so open sessions keep their same-problem context.
CREATE FUNCTION "float4_array_bytes"(v real[]) RETURNS bytea LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT coalesce(string_agg(float4send(x), ''::bytea ORDER BY i), ''::bytea)
  FROM unnest(v) WITH ORDINALITY AS t(x, i)
$$;--> statement-breakpoint
ALTER TABLE "chat_sessions" ALTER COLUMN "context_embedding" SET DATA TYPE bytea USING "float4_array_bytes"("context_embedding");--> statement-breakpoint
DROP FUNCTION "float4_array_bytes"(real[]);
