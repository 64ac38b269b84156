-- Every photo request asks which ideas have the photo (published: public; otherwise only for
-- the author and staff).
CREATE INDEX ideas_photo ON ideas (photo) WHERE photo IS NOT NULL;
