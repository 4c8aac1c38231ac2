// titles: every role's title at every level of a ladder, then one role's
// matrices as Markdown, from C++ (docs/library.md).
//
//   titles LADDER.yaml
#include <iostream>
#include <memory>
#include <string>
#include <ladderc/ladderc.h>

namespace {

struct ladder_deleter {
	void operator()(ladder *l) const { ladder_free(l); }
};
using ladder_ptr = std::unique_ptr<ladder, ladder_deleter>;

std::string str(ladder_str s) { return s.s ? std::string(s.s, s.len) : std::string(); }

}

int main(int argc, char **argv)
{
	if (argc != 2) {
		std::cerr << "usage: titles LADDER.yaml\n";
		return 2;
	}
	lc_diags diags;
	lc_diags_init(&diags);
	ladder *loaded = nullptr;
	ladder_status st = ladder_load_file(argv[1], nullptr, &diags, &loaded);
	ladder_ptr l(loaded);
	std::cout << "ladderc " << lc_version() << " (headers " << LADDERC_VERSION_STRING << "): "
	          << diags.errors << " errors\n";
	lc_diags_free(&diags);
	if (st != LADDER_OK || l->nroles == 0)
		return 1;

	for (size_t i = 0; i < l->nroles; i++)
		for (size_t j = 0; j < l->nlevels; j++)
			if (l->roles[i]->title[j].s)
				std::cout << str(l->roles[i]->id) << ' ' << str(l->levels[j]->id) << ": "
				          << str(l->roles[i]->title[j]) << '\n';

	ladder_view view = {LADDER_VIEW_MATRIX, l->roles[0], nullptr, nullptr};
	ladder_emit_options options = {};
	lc_buf out = LC_BUF_INIT;
	int rc = ladder_emit(l.get(), LADDER_FORMAT_MARKDOWN, &view, &options, &out);
	std::string markdown = out.len ? std::string(out.data, out.len) : std::string();
	lc_buf_free(&out);
	std::cout << markdown;
	return rc == 0 ? 0 : 1;
}
