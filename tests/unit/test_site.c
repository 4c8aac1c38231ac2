/* The site library: formats, the page list, and the atomic output directory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "ladderc/load.h"
#include "ladderc/site.h"
#include "ladderc/speed.h"

static ladder *load(const char *rel)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", LADDERC_SOURCE_DIR, rel);
	lc_diags d;
	lc_diags_init(&d);
	ladder *l = NULL;
	assert_int_equal(ladder_load_file(path, NULL, &d, &l), LADDER_OK);
	lc_diags_free(&d);
	return l;
}

static void formats(void **state)
{
	(void)state;
	unsigned f = 0;
	assert_int_equal(lc_site_parse_formats("html,json", &f), 0);
	assert_int_equal(f, LC_SITE_HTML | LC_SITE_JSON);
	assert_int_equal(lc_site_parse_formats("csv,markdown,html,json", &f), 0);
	assert_int_equal(f, LC_SITE_ALL);
	assert_int_equal(lc_site_parse_formats("md", &f), 0);
	assert_int_equal(f, LC_SITE_MARKDOWN);
	assert_int_equal(lc_site_parse_formats("pdf", &f), -1);
	assert_int_equal(lc_site_parse_formats("", &f), -1);
	assert_int_equal(lc_site_parse_formats("html,", &f), -1);
	assert_int_equal(lc_site_parse_formats("HTML", &f), -1);
	/* the names and aliases of every command (ladder_format_find) */
	assert_int_equal(lc_site_parse_formats("md,html", &f), 0);
	assert_int_equal(f, LC_SITE_MARKDOWN | LC_SITE_HTML);
	/* a site has no text pages, by any name */
	assert_int_equal(lc_site_parse_formats("text", &f), -1);
	assert_int_equal(lc_site_parse_formats("html,txt", &f), -1);
}

static void page_list(void **state)
{
	(void)state;
	ladder *l = load("ladders/example/ladder.yaml");
	lc_site_page *p = NULL;
	size_t n = 0;
	assert_int_equal(lc_site_pages(l, LC_SITE_ALL, &p, &n), 0);
	static const char *const want[] = {
		"index.html", "software-engineer.html", "account-executive.html",
		"sales-development-representative.html", "index.md", "software-engineer.md", "account-executive.md",
		"sales-development-representative.md", "ladder.csv", "ladder.json",
	};
	assert_int_equal(n, 10);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(p[i].name, want[i]);
	assert_int_equal(p[0].view.kind, LADDER_VIEW_OVERVIEW);
	assert_int_equal(p[1].view.kind, LADDER_VIEW_MATRIX);
	assert_ptr_equal(p[1].view.role, l->roles[0]);
	assert_int_equal(p[8].format, LADDER_FORMAT_CSV);
	assert_int_equal(p[9].format, LADDER_FORMAT_JSON);

	/* the JSON page is the model, exactly as render -f json writes it */
	lc_buf page = LC_BUF_INIT, json = LC_BUF_INIT;
	assert_int_equal(lc_site_render(l, &p[9], &page), 0);
	lc_emit_json(l, &json);
	assert_int_equal(page.len, json.len);
	assert_memory_equal(page.data, json.data, json.len);
	/* the Markdown role page goes on with every level of the role */
	assert_int_equal(lc_site_render(l, &p[6], &page), 0);
	assert_non_null(strstr(page.data, "Sales Team Lead"));
	free(p);

	assert_int_equal(lc_site_pages(l, LC_SITE_JSON, &p, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].name, "ladder.json");
	free(p);
	lc_buf_free(&page);
	lc_buf_free(&json);
	ladder_free(l);
}

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	static char buf[256];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static int exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void directory_swap(void **state)
{
	(void)state;
	char root[] = "/tmp/ladderc-test-site-XXXXXX";
	assert_non_null(mkdtemp(root));
	char dir[256], path[512], tmp[512];
	snprintf(dir, sizeof dir, "%s/out/", root); /* a trailing slash is fine */
	lc_buf err = LC_BUF_INIT, content = LC_BUF_INIT;
	lc_buf_puts(&content, "first");

	/* a first build creates DIR */
	lc_site_dir d;
	assert_int_equal(lc_site_dir_begin(&d, dir, &err), 0);
	snprintf(tmp, sizeof tmp, "%s/.out.tmp-%ld", root, (long)getpid());
	assert_string_equal(d.tmp, tmp);
	assert_int_equal(lc_site_dir_write(&d, NULL, "a.txt", &content, &err), 0);
	/* the same name twice is an error, never an overwrite */
	assert_int_equal(lc_site_dir_write(&d, NULL, "a.txt", &content, &err), -1);
	assert_non_null(strstr(err.data, "two pages have this file name"));
	assert_int_equal(lc_site_dir_mkdir(&d, "sub", &err), 0);
	assert_int_equal(lc_site_dir_write(&d, "sub", "b.txt", &content, &err), 0);
	snprintf(path, sizeof path, "%s/out", root);
	assert_false(exists(path)); /* nothing visible before the commit */
	assert_int_equal(lc_site_dir_commit(&d, &err), 0);
	lc_site_dir_end(&d);
	snprintf(path, sizeof path, "%s/out/a.txt", root);
	assert_string_equal(read_text(path), "first");
	snprintf(path, sizeof path, "%s/out/.ladderc-site", root);
	assert_true(exists(path));
	assert_false(exists(tmp));

	/* a second build replaces it as a whole */
	lc_buf_clear(&content);
	lc_buf_puts(&content, "second");
	assert_int_equal(lc_site_dir_begin(&d, dir, &err), 0);
	assert_int_equal(lc_site_dir_write(&d, NULL, "c.txt", &content, &err), 0);
	assert_int_equal(lc_site_dir_commit(&d, &err), 0);
	lc_site_dir_end(&d);
	snprintf(path, sizeof path, "%s/out/c.txt", root);
	assert_string_equal(read_text(path), "second");
	snprintf(path, sizeof path, "%s/out/a.txt", root);
	assert_false(exists(path));
	snprintf(path, sizeof path, "%s/out/sub", root);
	assert_false(exists(path));

	/* with the speed paths off (lc_serial), the old output is removed on
	 * this thread alone: the same result, a directory in it included */
	lc_set_serial(1);
	assert_int_equal(lc_site_dir_begin(&d, dir, &err), 0);
	assert_int_equal(lc_site_dir_mkdir(&d, "sub", &err), 0);
	assert_int_equal(lc_site_dir_write(&d, "sub", "e.txt", &content, &err), 0);
	assert_int_equal(lc_site_dir_commit(&d, &err), 0);
	lc_site_dir_end(&d);
	snprintf(path, sizeof path, "%s/out/c.txt", root);
	assert_false(exists(path));
	assert_int_equal(lc_site_dir_begin(&d, dir, &err), 0);
	assert_int_equal(lc_site_dir_write(&d, NULL, "c.txt", &content, &err), 0);
	assert_int_equal(lc_site_dir_commit(&d, &err), 0);
	lc_site_dir_end(&d);
	lc_set_serial(0);
	snprintf(path, sizeof path, "%s/out/sub", root);
	assert_false(exists(path));
	snprintf(path, sizeof path, "%s/out/c.txt", root);
	assert_string_equal(read_text(path), "second");

	/* an abandoned build leaves DIR and removes its temporary directory */
	assert_int_equal(lc_site_dir_begin(&d, dir, &err), 0);
	assert_int_equal(lc_site_dir_write(&d, NULL, "d.txt", &content, &err), 0);
	assert_true(exists(tmp));
	lc_site_dir_end(&d);
	assert_false(exists(tmp));
	snprintf(path, sizeof path, "%s/out/c.txt", root);
	assert_string_equal(read_text(path), "second");

	/* a directory build did not write is refused */
	snprintf(path, sizeof path, "%s/mine", root);
	assert_int_equal(mkdir(path, 0777), 0);
	snprintf(path, sizeof path, "%s/mine/notes", root);
	write_text(path, "keep");
	snprintf(path, sizeof path, "%s/mine", root);
	assert_int_equal(lc_site_dir_begin(&d, path, &err), -1);
	assert_non_null(strstr(err.data, "refusing to replace"));
	lc_site_dir_end(&d);
	snprintf(path, sizeof path, "%s/mine/notes", root);
	assert_string_equal(read_text(path), "keep");
	assert_int_equal(lc_site_dir_begin(&d, ".", &err), -1);
	lc_site_dir_end(&d);

	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
	lc_buf_free(&err);
	lc_buf_free(&content);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(formats),
		cmocka_unit_test(page_list),
		cmocka_unit_test(directory_swap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
