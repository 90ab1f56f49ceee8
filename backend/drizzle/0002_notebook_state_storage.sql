-- Where lz4 is unavailable (PGlite, builds without it) notebook_state is stored out of line
-- without compression: pglz costs about 2.5 times more CPU per 200 KB save than no compression at
-- all (measured on PGlite), and notebooks are already a modest size. With lz4 nothing changes.
DO $$
BEGIN
  IF (SELECT attcompression FROM pg_attribute
      WHERE attrelid = '"user_module_progress"'::regclass AND attname = 'notebook_state') <> 'l' THEN
    ALTER TABLE "user_module_progress" ALTER COLUMN "notebook_state" SET STORAGE EXTERNAL;
  END IF;
END $$;
