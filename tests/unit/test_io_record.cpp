// io::record_in_text / record_in_file (`yekuo record`): the record is inserted as TOML and every other
// byte stays; the text with the record passes every check of `yekuo check`, else nothing is written.
#include "doctest_printers.hpp"
#include "temp_dir.hpp"
#include "test_dates.hpp"

#include <yekuo/io/record.hpp>
#include <yekuo/io/validate.hpp>
#include <yekuo/util/error.hpp>

#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>

using namespace yekuo;
using io::DelayRecord;
using io::ProgressRecord;
using io::RecordStatus;
using io::RevisitRecord;

namespace {

// 21 lines, with comments and the file's own spacing, ending in a newline.
const std::string k_order = R"(# 测试订单：保留注释
schema = 1

[project]
id = "T-1"
name = "测试"
applied = 2010-01-11   # 受理
target = 2010-05-31

[[stage]]
id = "negotiate"
name = "商谈"
dept = "客户服务中心"
days = 5

[[stage]]
id = "plan_reply"
name = "答复"
dept = "发展策划部"
days = 15
after = ["negotiate"]
)";

io::RecordOptions options(const char* today = "2010-06-30") {
  io::RecordOptions o;
  o.today = D(today);
  return o;
}

struct Outcome {
  io::RecordResult result;
  Diagnostics diags;
};

Outcome record(std::string_view text, const io::Record& r, const io::RecordOptions& o = options()) {
  Outcome out;
  out.result = io::record_in_text(text, "t.toml", r, o, out.diags);
  return out;
}

std::string summary(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.items()) out += fmt::format("{}@{}:{} {}\n", x.code, x.loc.line, x.loc.column, x.message);
  return out;
}

const Diagnostic* find(const Outcome& o, std::string_view code) {
  for (const auto& d : o.diags.items())
    if (d.code == code && d.severity == Severity::error) return &d;
  return nullptr;
}

#define REQUIRE_RECORDED(o) REQUIRE_MESSAGE((o).result.status == RecordStatus::recorded, summary((o).diags))
#define CHECK_REFUSED(o, code)                                                                                         \
  do {                                                                                                                 \
    CHECK((o).result.status == RecordStatus::refused);                                                                 \
    CHECK_MESSAGE(find(o, code) != nullptr, "expected " code "; got:\n" << summary((o).diags));                        \
  } while (false)

// The new text is the old one with the inserted bytes, and nothing else changed.
void check_only_inserted(std::string_view old_text, const io::RecordEdit& e) {
  REQUIRE(e.text.size() == old_text.size() + e.length);
  CHECK(e.text.substr(0, e.offset) == old_text.substr(0, e.offset));
  CHECK(e.text.substr(e.offset + e.length) == old_text.substr(e.offset));
}

model::Project load(std::string_view text) {
  Diagnostics d;
  auto p = io::load_project_text(text, "t.toml", d);
  REQUIRE_MESSAGE(p.has_value(), summary(d));
  return std::move(*p);
}

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_plain(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

} // namespace

TEST_SUITE("io::record") {

  TEST_CASE("each record renders as its table with TOML values") {
    CHECK(io::render_record(ProgressRecord{"design", D("2010-02-01"), D("2010-02-05"), ""}) ==
          "[[progress]]\nstage = \"design\"\nstarted = 2010-02-01\nfinished = 2010-02-05\n");
    CHECK(io::render_record(ProgressRecord{"design", std::nullopt, D("2010-02-05"), "提前"}) ==
          "[[progress]]\nstage = \"design\"\nfinished = 2010-02-05\nnote = \"提前\"\n");
    CHECK(io::render_record(
              DelayRecord{"civil", D("2010-03-01"), D("2010-03-05"), "客户土建图纸变更", D("2010-03-02"), ""}) ==
          "[[delay]]\nstage = \"civil\"\nfrom = 2010-03-01\nto = 2010-03-05\nreason = \"客户土建图纸变更\"\nreported = "
          "2010-03-02\n");
    CHECK(io::render_record(RevisitRecord{D("2010-06-10"), false, {"电压偏低", "抄表\"错\""}}, "\r\n") ==
          "[revisit]\r\ndate = 2010-06-10\r\nsatisfied = false\r\nissues = [\"电压偏低\", \"抄表\\\"错\\\"\"]\r\n");
  }

  TEST_CASE("a progress record is appended after everything else: the old text is a prefix, the comments stay") {
    const auto o = record(k_order, ProgressRecord{"negotiate", D("2010-01-12"), D("2010-01-15"), ""});
    REQUIRE_RECORDED(o);
    const auto& e = o.result.edit;
    CHECK(e.appended);
    CHECK(e.offset == k_order.size());
    check_only_inserted(k_order, e);
    CHECK(e.text.substr(k_order.size()) ==
          "\n[[progress]]\nstage = \"negotiate\"\nstarted = 2010-01-12\nfinished = 2010-01-15\n");
    CHECK(e.first_line == 23);
    CHECK(e.last_line == 26);
    CHECK(o.result.source == e.text);
    CHECK(o.result.project_id == "T-1");
    const auto p = load(e.text);
    REQUIRE(p.progress.size() == 1);
    CHECK(p.progress[0].finished == D("2010-01-15"));
  }

  TEST_CASE("a file without a final newline, or ending in a blank line, still gets one well-formed block") {
    SUBCASE("no final newline") {
      const std::string text = k_order + "# 末行注释";
      const auto o = record(text, ProgressRecord{"negotiate", D("2010-01-12"), std::nullopt, ""});
      REQUIRE_RECORDED(o);
      check_only_inserted(text, o.result.edit);
      CHECK(o.result.edit.text.substr(text.size()) ==
            "\n\n[[progress]]\nstage = \"negotiate\"\nstarted = 2010-01-12\n");
      CHECK(o.result.edit.first_line == 24);
    }
    SUBCASE("a blank line at the end is not doubled") {
      const std::string text = k_order + "\n";
      const auto o = record(text, ProgressRecord{"negotiate", D("2010-01-12"), std::nullopt, ""});
      REQUIRE_RECORDED(o);
      CHECK(o.result.edit.text.substr(text.size()) == "[[progress]]\nstage = \"negotiate\"\nstarted = 2010-01-12\n");
    }
    SUBCASE("a CRLF file stays CRLF") {
      std::string text;
      for (char c : k_order) text += c == '\n' ? std::string("\r\n") : std::string(1, c);
      const auto o = record(text, ProgressRecord{"negotiate", D("2010-01-12"), std::nullopt, ""});
      REQUIRE_RECORDED(o);
      CHECK(o.result.edit.text.substr(text.size()) ==
            "\r\n[[progress]]\r\nstage = \"negotiate\"\r\nstarted = 2010-01-12\r\n");
    }
  }

  TEST_CASE("hostile text is escaped as a TOML basic string and reads back exactly") {
    const std::string hostile =
        "引号\"反斜杠\\ \\n 换行\n回车\r制表\t退格\b换页\f\x01\x1f\x7f\"\"\" ''' ]] [[delay]] # x = 1";
    const auto o = record(
        k_order, DelayRecord{"negotiate", D("2010-01-12"), D("2010-01-13"), hostile, D("2010-01-12"), "note \"\\"});
    REQUIRE_RECORDED(o);
    check_only_inserted(k_order, o.result.edit);
    const auto p = load(o.result.edit.text);
    REQUIRE(p.delays.size() == 1);
    CHECK(p.delays[0].reason == hostile);
    // Every line of the block is one key (the newlines of the text are escapes).
    CHECK(o.result.edit.last_line - o.result.edit.first_line == 6);
  }

  TEST_CASE("text that is not UTF-8 is refused before anything is read") {
    CHECK_THROWS_AS((void)record(k_order, DelayRecord{"negotiate", D("2010-01-12"), D("2010-01-13"), "\xb9\xa4\xb3\xcc",
                                                      std::nullopt, ""}),
                    InputError);
  }

  TEST_CASE("the finish completes the stage's record: one line inserted after its last line, indented like it") {
    const std::string text = k_order +
                             "\n[[progress]]\n  stage = \"negotiate\"\n  started = 2010-01-12   # 周二\n# 下一条\n\n"
                             "[[progress]]\nstage = \"plan_reply\"\n";
    const auto o = record(text, ProgressRecord{"negotiate", D("2010-01-12"), D("2010-01-15"), ""});
    REQUIRE_RECORDED(o);
    const auto& e = o.result.edit;
    CHECK_FALSE(e.appended);
    check_only_inserted(text, e);
    CHECK(e.text.substr(e.offset, e.length) == "  finished = 2010-01-15\n");
    CHECK(e.first_line == 26);
    CHECK(e.last_line == 26);
    const auto p = load(e.text);
    CHECK(p.progress[0].started == D("2010-01-12"));
    CHECK(p.progress[0].finished == D("2010-01-15"));

    SUBCASE("at the end of a file without a final newline") {
      const std::string last = k_order + "\n[[progress]]\nstage = \"negotiate\"\nstarted = 2010-01-12";
      const auto o2 = record(last, ProgressRecord{"negotiate", std::nullopt, D("2010-01-15"), ""});
      REQUIRE_RECORDED(o2);
      check_only_inserted(last, o2.result.edit);
      CHECK(o2.result.edit.text.substr(last.size()) == "\nfinished = 2010-01-15\n");
    }
  }

  TEST_CASE("what is already recorded is never changed") {
    const std::string text =
        k_order + "\n[[progress]]\nstage = \"negotiate\"\nstarted = \"2010-01-12\"\nfinished = 2010-01-15\n";
    SUBCASE("the same values: nothing to write") {
      const auto o = record(text, ProgressRecord{"negotiate", D("2010-01-12"), D("2010-01-15"), ""});
      CHECK(o.result.status == RecordStatus::unchanged);
      CHECK(o.result.existing.line == 23);
      CHECK(o.diags.empty());
    }
    SUBCASE("another value: refused at the recorded one, saying what it holds") {
      const auto o = record(text, ProgressRecord{"negotiate", D("2010-01-12"), D("2010-01-18"), ""});
      CHECK_REFUSED(o, "record-conflict");
      const auto* d = find(o, "record-conflict");
      REQUIRE(d != nullptr);
      CHECK(d->loc.line == 26);
      CHECK(d->loc.column == 12);
      CHECK(d->message ==
            "the [[progress]] of stage \"negotiate\" already records finished = 2010-01-15; not changed to "
            "2010-01-18");
    }
    SUBCASE("the revisit too") {
      const std::string done =
          text + "\n[[progress]]\nstage = \"plan_reply\"\nfinished = 2010-05-28\n\n[revisit]\ndate = 2010-06-10\n";
      const auto same = record(done, RevisitRecord{D("2010-06-10"), true, {}});
      REQUIRE_RECORDED(same); // completed with `satisfied`
      CHECK(same.result.edit.text.substr(same.result.edit.offset) == "satisfied = true\n");
      const auto other = record(same.result.edit.text, RevisitRecord{D("2010-06-10"), false, {}});
      CHECK_REFUSED(other, "record-conflict");
    }
  }

  TEST_CASE("what `yekuo check` refuses in the text with the record is refused, at its line in that text") {
    SUBCASE("an unknown stage, with did you mean") {
      const auto o = record(k_order, ProgressRecord{"negotate", D("2010-01-12"), std::nullopt, ""});
      CHECK_REFUSED(o, "unknown-stage");
      const auto* d = find(o, "unknown-stage");
      REQUIRE(d != nullptr);
      CHECK(d->loc.line == 24);
      CHECK(d->message.find("did you mean \"negotiate\"") != std::string::npos);
      CHECK(o.result.edit.first_line == 23); // the caller can say which lines were the record
      CHECK(o.result.source == o.result.edit.text);
    }
    SUBCASE("a finish before the start") {
      const auto o = record(k_order, ProgressRecord{"negotiate", D("2010-01-15"), D("2010-01-12"), ""});
      CHECK_REFUSED(o, "finish-before-start");
    }
    SUBCASE("a finish before a start already recorded") {
      const std::string text = k_order + "\n[[progress]]\nstage = \"negotiate\"\nstarted = 2010-01-15\n";
      CHECK_REFUSED(record(text, ProgressRecord{"negotiate", std::nullopt, D("2010-01-12"), ""}),
                    "finish-before-start");
    }
    SUBCASE("a date before the application") {
      CHECK_REFUSED(record(k_order, ProgressRecord{"negotiate", D("2010-01-04"), std::nullopt, ""}),
                    "date-before-applied");
    }
    SUBCASE("a delay ending before it starts") {
      CHECK_REFUSED(record(k_order, DelayRecord{"negotiate", D("2010-01-13"), D("2010-01-12"), "x", std::nullopt, ""}),
                    "bad-delay-range");
    }
    SUBCASE("an empty reason") {
      CHECK_REFUSED(record(k_order, DelayRecord{"negotiate", D("2010-01-12"), D("2010-01-13"), "", std::nullopt, ""}),
                    "empty-value");
    }
    SUBCASE("a finish that leaves a recorded delay outside its stage") {
      const std::string text =
          k_order + "\n[[delay]]\nstage = \"negotiate\"\nfrom = 2010-01-18\nto = 2010-01-19\nreason = \"x\"\n";
      const auto o = record(text, ProgressRecord{"negotiate", std::nullopt, D("2010-01-15"), ""});
      CHECK_REFUSED(o, "delay-outside-stage");
      CHECK(find(o, "delay-outside-stage")->loc.line == 25); // the delay's `from`, a line of the file
    }
  }

  TEST_CASE("only what has happened can be recorded: no date after today, except the end of a delay") {
    const auto o =
        record(k_order, ProgressRecord{"negotiate", D("2010-01-12"), D("2010-07-01"), ""}, options("2010-06-30"));
    CHECK_REFUSED(o, "record-future");
    CHECK(find(o, "record-future")->message.find("finished 2010-07-01 is after today (2010-06-30)") !=
          std::string::npos);
    CHECK(record(k_order, ProgressRecord{"negotiate", D("2010-06-30"), std::nullopt, ""}, options("2010-06-30"))
              .result.status == RecordStatus::recorded);
    CHECK_REFUSED(record(k_order, DelayRecord{"negotiate", D("2010-01-12"), D("2010-01-13"), "x", D("2010-01-14"), ""},
                         options("2010-01-13")),
                  "record-future");
    const auto ongoing =
        record(k_order, DelayRecord{"negotiate", D("2010-01-12"), D("2010-01-20"), "客户停工", D("2010-01-12"), ""},
               options("2010-01-13"));
    REQUIRE_RECORDED(ongoing);
  }

  TEST_CASE("delays: several per stage; the same one again is already recorded") {
    const DelayRecord first{"negotiate", D("2010-01-12"), D("2010-01-13"), "客户停工", D("2010-01-12"), ""};
    const auto a = record(k_order, first);
    REQUIRE_RECORDED(a);
    CHECK(record(a.result.edit.text, first).result.status == RecordStatus::unchanged);
    auto second = first;
    second.to = D("2010-01-14");
    const auto b = record(a.result.edit.text, second);
    REQUIRE_RECORDED(b);
    check_only_inserted(a.result.edit.text, b.result.edit);
    CHECK(load(b.result.edit.text).delays.size() == 2);
  }

  TEST_CASE("the revisit follows the energization") {
    const std::string started =
        k_order + "\n[[progress]]\nstage = \"negotiate\"\nstarted = 2010-01-12\nfinished = 2010-01-15\n";
    const auto early = record(started, RevisitRecord{D("2010-06-10"), true, {}});
    CHECK_REFUSED(early, "record-not-energized");
    CHECK(find(early, "record-not-energized")->message.find("\"plan_reply\"") != std::string::npos);
    const std::string energized = started + "\n[[progress]]\nstage = \"plan_reply\"\nfinished = 2010-05-28\n";
    CHECK_REFUSED(record(energized, RevisitRecord{D("2010-05-27"), true, {}}), "revisit-before-energization");
    const auto o = record(energized, RevisitRecord{D("2010-06-10"), false, {"电压偏低"}});
    REQUIRE_RECORDED(o);
    const auto p = load(o.result.edit.text);
    REQUIRE(p.revisit.has_value());
    CHECK(p.revisit->satisfied == false);
    CHECK(p.revisit->issues == std::vector<std::string>{"电压偏低"});
  }

  TEST_CASE("a file with errors already is not recorded into, and its errors are shown") {
    const std::string bad = k_order + "\n[[progress]]\nstage = \"negotiate\"\nstartd = 2010-01-12\n";
    const auto o = record(bad, ProgressRecord{"plan_reply", D("2010-01-18"), std::nullopt, ""});
    CHECK_REFUSED(o, "record-invalid-file");
    CHECK(find(o, "unknown-key") != nullptr);
    CHECK(o.result.source == bad);
    CHECK(o.result.edit.length == 0);
  }

  TEST_CASE("a record that cannot be added without rewriting bytes is refused") {
    SUBCASE("completing an inline table") {
      const std::string text = "schema = 1\nprogress = [{ stage = \"negotiate\", started = 2010-01-12 }]\n" +
                               k_order.substr(k_order.find("\n[project]"));
      CHECK_REFUSED(record(text, ProgressRecord{"negotiate", std::nullopt, D("2010-01-15"), ""}),
                    "record-not-editable");
      // A [[progress]] table cannot follow an inline array either.
      CHECK_REFUSED(record(text, ProgressRecord{"plan_reply", D("2010-01-18"), std::nullopt, ""}),
                    "record-not-editable");
    }
    SUBCASE("completing a table made of dotted keys") {
      const std::string text = "schema = 1\nrevisit.date = 2010-06-10\n" + k_order.substr(k_order.find("\n[project]")) +
                               "\n[[progress]]\nstage = \"plan_reply\"\nfinished = 2010-05-28\n";
      CHECK_REFUSED(record(text, RevisitRecord{D("2010-06-10"), true, {}}), "record-not-editable");
    }
  }

  TEST_CASE("warnings: only those the record adds") {
    // A date in a year without holiday data warns once per year and file.
    const std::string text =
        k_order + "\n[[delay]]\nstage = \"plan_reply\"\nfrom = 2030-01-14\nto = 2030-01-15\nreason = \"x\"\n";
    const auto same_year =
        record(text, DelayRecord{"plan_reply", D("2030-02-01"), D("2030-02-02"), "y", std::nullopt, ""},
               options("2031-12-31"));
    REQUIRE_RECORDED(same_year);
    CHECK(same_year.diags.empty());
    const auto new_year =
        record(text, DelayRecord{"plan_reply", D("2031-02-03"), D("2031-02-04"), "y", std::nullopt, ""},
               options("2031-12-31"));
    REQUIRE_RECORDED(new_year);
    REQUIRE(new_year.diags.items().size() == 1);
    CHECK(new_year.diags.items()[0].code == "provisional-calendar");
    CHECK(new_year.diags.items()[0].severity == Severity::warning);
  }

  TEST_CASE("record_in_file writes the file atomically and keeps its permissions") {
    test::TempDir dir;
    const auto file = dir.path() / "t.toml";
    write_plain(file, k_order);
    std::filesystem::permissions(file, std::filesystem::perms(0640));
    Diagnostics diags;
    const auto r = io::record_in_file(file.string(), ProgressRecord{"negotiate", D("2010-01-12"), std::nullopt, ""},
                                      options(), diags);
    REQUIRE_MESSAGE(r.status == RecordStatus::recorded, summary(diags));
    CHECK(read_all(file) == r.edit.text);
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0640);

    SUBCASE("a refused record leaves the file as it was") {
      const std::string before = read_all(file);
      Diagnostics d;
      const auto bad =
          io::record_in_file(file.string(), ProgressRecord{"nope", D("2010-01-12"), std::nullopt, ""}, options(), d);
      CHECK(bad.status == RecordStatus::refused);
      CHECK(read_all(file) == before);
    }
    SUBCASE("a read-only file is not replaced") {
      std::filesystem::permissions(file, std::filesystem::perms(0444));
      const std::string before = read_all(file);
      Diagnostics d;
      CHECK_THROWS_AS((void)io::record_in_file(
                          file.string(), ProgressRecord{"negotiate", std::nullopt, D("2010-01-15"), ""}, options(), d),
                      InputError);
      CHECK(read_all(file) == before);
    }
    SUBCASE("a baseline with errors is fixed first") {
      write_plain(dir.path() / "t.baseline.toml", "schema = 1\nproject = \"T-1\"\n[[revision]\n");
      const std::string before = read_all(file);
      Diagnostics d;
      const auto bad = io::record_in_file(file.string(), ProgressRecord{"negotiate", std::nullopt, D("2010-01-15"), ""},
                                          options(), d);
      CHECK(bad.status == RecordStatus::refused);
      CHECK(read_all(file) == before);
    }
  }

  TEST_CASE("a symbolic link keeps pointing at the recorded file") {
    test::TempDir dir;
    const auto file = dir.path() / "real.toml";
    const auto link = dir.path() / "link.toml";
    write_plain(file, k_order);
    std::filesystem::create_symlink(file.filename(), link);
    Diagnostics diags;
    const auto r = io::record_in_file(link.string(), ProgressRecord{"negotiate", D("2010-01-12"), std::nullopt, ""},
                                      options(), diags);
    REQUIRE_MESSAGE(r.status == RecordStatus::recorded, summary(diags));
    CHECK(std::filesystem::is_symlink(link));
    CHECK(read_all(file) == r.edit.text);
  }

} // TEST_SUITE
