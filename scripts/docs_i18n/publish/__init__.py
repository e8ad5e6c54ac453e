"""The published site: assembly, root page, 404, sitemap, URLs and Read the Docs."""
