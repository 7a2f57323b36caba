// yekuo import's reading of a ledger (台账): the CSV reader, the decoding of what Excel saves, the
// cells, the header, the file names and the mapping of rows to order files (docs/import.md).
#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <yekuo/io/csv.hpp>
#include <yekuo/io/ledger.hpp>
#include <yekuo/io/ledger_cells.hpp>
#include <yekuo/io/order_file_name.hpp>
#include <yekuo/io/spreadsheet_text.hpp>
#include <yekuo/io/validate.hpp>
#include <yekuo/util/error.hpp>

#include <doctest/doctest.h>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace yekuo;
using namespace yekuo::io;

namespace {

using Fields = std::vector<std::string>;

std::vector<CsvRecord> csv(std::string_view text, Diagnostics& diags) { return parse_csv(text, "l.csv", diags); }

std::vector<CsvRecord> csv_ok(std::string_view text) {
  Diagnostics diags;
  auto records = csv(text, diags);
  CHECK(diags.empty());
  return records;
}

// "line:code" of every diagnostic, errors and warnings alike.
std::vector<std::string> codes(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.items()) out.push_back(std::to_string(d.loc.line) + ":" + d.code);
  return out;
}

const Diagnostic* find_code(const Diagnostics& diags, std::string_view code) {
  for (const auto& d : diags.items())
    if (d.code == code) return &d;
  return nullptr;
}

LedgerImport ledger(std::string_view text, Diagnostics& diags, std::string template_name = {}) {
  return read_ledger(text, "l.csv", LedgerOptions{std::move(template_name), {}}, diags);
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

} // namespace

TEST_SUITE("io::parse_csv") {

  TEST_CASE("plain fields, CRLF, LF and a lone CR end records; empty lines are no records") {
    const auto r = csv_ok("a,b,c\r\n1,2,3\n\n\r\nx,,z\ry,\n");
    REQUIRE(r.size() == 4);
    CHECK(r[0].fields == Fields{"a", "b", "c"});
    CHECK(r[1].fields == Fields{"1", "2", "3"});
    CHECK(r[2].fields == Fields{"x", "", "z"});
    CHECK(r[2].line == 5);
    CHECK(r[3].fields == Fields{"y", ""});
    CHECK(r[3].line == 6);
  }

  TEST_CASE("quoted fields hold commas, doubled quotes and line breaks; the next record knows its line") {
    const auto r =
        csv_ok("id,name\r\n\"WX-1\",\"某公司,新厂区 \"\"一期\"\"\"\r\n\"WX-2\",\"第一行\r\n第二行\n第三行\"\r\nWX-3,x");
    REQUIRE(r.size() == 4);
    CHECK(r[1].fields == Fields{"WX-1", "某公司,新厂区 \"一期\""});
    CHECK(r[1].line == 2);
    CHECK(r[2].fields == Fields{"WX-2", "第一行\n第二行\n第三行"});
    CHECK(r[2].line == 3);
    CHECK(r[3].fields == Fields{"WX-3", "x"});
    CHECK(r[3].line == 6);
    CHECK(csv_ok("a\n\"\"\n\"\",\"\"").back().fields == Fields{"", ""});
  }

  TEST_CASE("the last record needs no line break, and a trailing comma is an empty last field") {
    const auto r = csv_ok("a,b\n1,");
    REQUIRE(r.size() == 2);
    CHECK(r[1].fields == Fields{"1", ""});
  }

  TEST_CASE("a quote inside an unquoted field is an ordinary character, as in Excel") {
    CHECK(csv_ok("a,5\"x\"\n")[0].fields == Fields{"a", "5\"x\""});
  }

  TEST_CASE("text after a closing quote loses that record only") {
    Diagnostics diags;
    const auto r = csv("a,b\n\"x\"y,1\nc,d\n", diags);
    CHECK(codes(diags) == std::vector<std::string>{"2:csv-syntax"});
    REQUIRE(r.size() == 2);
    CHECK(r[1].fields == Fields{"c", "d"});
    CHECK(r[1].line == 3);
  }

  TEST_CASE("a quote never closed is reported at the line of its record and ends the reading") {
    Diagnostics diags;
    const auto r = csv("a,b\n1,2\n3,\"open\n4,5\n", diags);
    CHECK(codes(diags) == std::vector<std::string>{"3:csv-syntax"});
    CHECK(contains(diags.items()[0].message, "opened on line 3"));
    CHECK(r.size() == 2);
  }

} // TEST_SUITE

TEST_SUITE("io::decode_spreadsheet_text") {

  TEST_CASE("UTF-8 is taken as it is, and Excel's byte-order mark is dropped") {
    Diagnostics diags;
    const auto plain = decode_spreadsheet_text("工程编号\n", "l.csv", diags);
    REQUIRE(plain);
    CHECK(plain->text == "工程编号\n");
    CHECK(plain->encoding == TextEncoding::utf8);
    const auto bom = decode_spreadsheet_text("\xEF\xBB\xBF工程编号\n", "l.csv", diags);
    REQUIRE(bom);
    CHECK(bom->text == "工程编号\n");
    CHECK(bom->encoding == TextEncoding::utf8_bom);
    CHECK(diags.empty());
  }

  TEST_CASE("GBK (Excel's CSV on Chinese Windows) is read as GB18030, with a note") {
    // "工程编号,受理日期,电压等级\r\nGB-1,2026/3/2,10千伏\r\n" in GBK.
    const std::string gbk = "\xB9\xA4\xB3\xCC\xB1\xE0\xBA\xC5,\xCA\xDC\xC0\xED\xC8\xD5\xC6\xDA,"
                            "\xB5\xE7\xD1\xB9\xB5\xC8\xBC\xB6\r\nGB-1,2026/3/2,10\xC7\xA7\xB7\xFC\r\n";
    Diagnostics diags;
    const auto d = decode_spreadsheet_text(gbk, "l.csv", diags);
    REQUIRE(d);
    CHECK(d->encoding == TextEncoding::gb18030);
    CHECK(d->text == "工程编号,受理日期,电压等级\r\nGB-1,2026/3/2,10千伏\r\n");
    CHECK(codes(diags) == std::vector<std::string>{"0:ledger-encoding"});
    CHECK(diags.items()[0].severity == Severity::note);
    CHECK_FALSE(diags.has_errors());
  }

  TEST_CASE("workbooks, UTF-16 and bytes of no known encoding are refused with what to do") {
    Diagnostics xlsx;
    CHECK_FALSE(decode_spreadsheet_text(std::string("PK\x03\x04rest", 8), "l.xlsx", xlsx));
    CHECK(codes(xlsx) == std::vector<std::string>{"0:ledger-workbook"});
    CHECK(contains(xlsx.items()[0].hint, "CSV UTF-8"));
    Diagnostics xls;
    CHECK_FALSE(decode_spreadsheet_text("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "l.xls", xls));
    CHECK(codes(xls) == std::vector<std::string>{"0:ledger-workbook"});
    Diagnostics utf16;
    CHECK_FALSE(decode_spreadsheet_text(std::string("\xFF\xFEi\0d\0", 6), "l.csv", utf16));
    CHECK(codes(utf16) == std::vector<std::string>{"0:ledger-encoding"});
    Diagnostics broken; // 0x80 alone is neither UTF-8 nor GB18030
    CHECK_FALSE(decode_spreadsheet_text("id\nW\x80X\n", "l.csv", broken));
    REQUIRE(broken.error_count() == 1);
    CHECK(broken.items()[0].loc.line == 2);
    Diagnostics after_bom; // a BOM promises UTF-8: a bad byte is damage, not GBK
    CHECK_FALSE(decode_spreadsheet_text("\xEF\xBB\xBFid\n\xB9\xA4\n", "l.csv", after_bom));
    CHECK(after_bom.error_count() == 1);
  }

} // TEST_SUITE

TEST_SUITE("io::ledger cells") {

  TEST_CASE("dates as Excel writes them") {
    CHECK(parse_ledger_date("2026-03-02") == D("2026-03-02"));
    CHECK(parse_ledger_date("2026/3/2") == D("2026-03-02"));
    CHECK(parse_ledger_date("2026-3-2") == D("2026-03-02"));
    CHECK(parse_ledger_date("2026.3.2") == D("2026-03-02"));
    CHECK(parse_ledger_date("2026年3月2日") == D("2026-03-02"));
    CHECK(parse_ledger_date("2026年12月31") == D("2026-12-31"));
    CHECK(parse_ledger_date(" 2026/3/2 0:00 ") == D("2026-03-02"));
    CHECK(parse_ledger_date("2026/3/2 14:30:00") == D("2026-03-02"));
    for (const char* bad : {"", "2026-02-30", "2026/3-2", "26/3/2", "3/2/2026", "2026-03-02T00:00", "2026/3/2 noon",
                            "2026/3/2 25:00", "2026-003-02", "20260302", "46083", "2026年3-2"})
      CHECK_MESSAGE(!parse_ledger_date(bad), std::string(bad));
    CHECK(looks_like_excel_serial("46083"));
    CHECK_FALSE(looks_like_excel_serial("2026-03-02"));
  }

  TEST_CASE("voltages with or without their unit") {
    for (const char* v : {"10", "10kV", "10 kV", "10KV", "10kv", "10千伏", "交流10kV", "AC 10 kV", " 10.0 "})
      CHECK_MESSAGE(parse_voltage_kv(v) == 10.0, std::string(v));
    CHECK(parse_voltage_kv("110千伏") == 110.0);
    CHECK(parse_voltage_kv("0.4kV") == 0.4);
    for (const char* bad : {"", "kV", "高压", "-10", "0", "10 MV", "nan", "inf", "10,0"})
      CHECK_MESSAGE(!parse_voltage_kv(bad), std::string(bad));
  }

  TEST_CASE("capacities with thousands separators and units") {
    for (const char* c : {"4000", "4,000", "4000kVA", "4000 KVA", "4000千伏安", "4,000.0 kVA"})
      CHECK_MESSAGE(parse_capacity_kva(c) == 4000.0, std::string(c));
    CHECK(parse_capacity_kva("48,000") == 48000.0);
    CHECK(parse_capacity_kva("1,234,567") == 1234567.0);
    for (const char* bad : {"", "4,00", "40,00,0", ",400", "4000kW", "很多", "0"})
      CHECK_MESSAGE(!parse_capacity_kva(bad), std::string(bad));
  }

  TEST_CASE("cells are trimmed of ASCII, non-breaking and ideographic spaces") {
    CHECK(trim_cell(" \t WX-1\xC2\xA0\xE3\x80\x80") == "WX-1");
    CHECK(trim_cell("\xE3\x80\x80") == "");
  }

} // TEST_SUITE

TEST_SUITE("io::order_file_name") {

  TEST_CASE("a plain id is its own file name; Chinese characters are kept") {
    CHECK(order_file_name("WX-2010-0117") == "WX-2010-0117.toml");
    CHECK(order_file_name("苏州_2026_001") == "苏州_2026_001.toml");
  }

  TEST_CASE("anything else is replaced, and a hash keeps different ids apart") {
    const std::string slash = order_file_name("WX/2010/0117");
    CHECK(slash.starts_with("WX-2010-0117-"));
    CHECK(slash.size() == std::string("WX-2010-0117-12345678.toml").size());
    CHECK(slash != order_file_name("WX\\2010\\0117"));
    for (const char* id : {"../../etc/passwd", ".hidden", "..", "a..b", "x.baseline", " lead", "tab\there", "/", "-"}) {
      const std::string name = order_file_name(id);
      CAPTURE(id);
      CAPTURE(name);
      CHECK(name.find('/') == std::string::npos);
      CHECK(name.find('\\') == std::string::npos);
      CHECK(name.find("..") == std::string::npos);
      CHECK(name.front() != '.');
      CHECK(name.front() != '-');
      CHECK(name.ends_with(".toml"));
      CHECK_FALSE(name.ends_with(".baseline.toml"));
      CHECK(name.find_first_of(" \t") == std::string::npos);
    }
    CHECK(order_file_name("").starts_with("order-"));
    CHECK(order_file_name(std::string(200, 'x')).size() <= 80 + 9 + 5);
  }

} // TEST_SUITE

TEST_SUITE("io::read_ledger_header") {

  TEST_CASE("English or Chinese headers in any order; units in parentheses and spaces do not matter") {
    Diagnostics diags;
    const auto h =
        read_ledger_header({1, {"受理日期", " 工程编号 ", "电压等级(kV)", "报装容量（千伏安）", "Customer Manager"}},
                           "l.csv", true, diags);
    REQUIRE(h);
    CHECK(diags.empty());
    CHECK(h->field[static_cast<std::size_t>(LedgerColumn::applied)] == 0u);
    CHECK(h->field[static_cast<std::size_t>(LedgerColumn::id)] == 1u);
    CHECK(h->field[static_cast<std::size_t>(LedgerColumn::voltage_kv)] == 2u);
    CHECK(h->field[static_cast<std::size_t>(LedgerColumn::capacity_kva)] == 3u);
    CHECK(h->field[static_cast<std::size_t>(LedgerColumn::customer_manager)] == 4u);
    CHECK(h->written[static_cast<std::size_t>(LedgerColumn::id)] == "工程编号");
    CHECK_FALSE(h->field[static_cast<std::size_t>(LedgerColumn::target)].has_value());
  }

  TEST_CASE("other columns are named once in a warning, with a suggestion for a near miss") {
    Diagnostics diags;
    const auto h =
        read_ledger_header({1, {"id", "applied", "voltage_kv", "备注", "custmer", ""}}, "l.csv", true, diags);
    REQUIRE(h);
    CHECK(codes(diags) == std::vector<std::string>{"1:ignored-column"});
    CHECK(contains(diags.items()[0].message, "备注, custmer (did you mean \"customer\"?)"));
    CHECK(h->ignored == std::vector<std::string>{"备注", "custmer"});
  }

  TEST_CASE("a missing, a repeated or no header at all is an error") {
    Diagnostics missing;
    CHECK_FALSE(read_ledger_header({1, {"id", "name"}}, "l.csv", true, missing));
    CHECK(codes(missing) == std::vector<std::string>{"1:missing-column", "1:missing-column"});
    Diagnostics no_voltage_needed;
    CHECK(read_ledger_header({1, {"id", "applied"}}, "l.csv", false, no_voltage_needed));
    CHECK(no_voltage_needed.empty());
    Diagnostics twice;
    CHECK_FALSE(read_ledger_header({1, {"id", "applied", "工程编号", "voltage_kv"}}, "l.csv", true, twice));
    CHECK(codes(twice) == std::vector<std::string>{"1:duplicate-column"});
    Diagnostics data;
    CHECK_FALSE(read_ledger_header({1, {"WX-1", "2026-03-02", "10"}}, "l.csv", true, data));
    CHECK(codes(data) == std::vector<std::string>{"1:no-header"});
    Diagnostics semicolons;
    CHECK_FALSE(read_ledger_header({1, {"id;applied;voltage_kv"}}, "l.csv", true, semicolons));
    CHECK(contains(semicolons.items()[0].hint, "comma"));
  }

} // TEST_SUITE

TEST_SUITE("io::read_ledger") {

  TEST_CASE("every good row becomes an order file that passes the loader, with the row's values") {
    Diagnostics diags;
    const auto r = ledger("工程编号,工程名称,客户名称,电压等级,报装容量,受理日期,期望接电日期,客户经理\r\n"
                          "SZ-2026-0101,\"苏州某精密机械有限公司10千伏新装\",苏州某精密机械有限公司,10kV,\"5,000\","
                          "2026/3/2,2026/7/15,张伟\r\n"
                          "SZ-2026-0102,,某数据中心,110千伏,48000,2026-3-9,,李娜\r\n",
                          diags);
    CHECK(diags.empty());
    CHECK(r.rows == 2);
    CHECK(r.bad_rows == 0);
    REQUIRE(r.orders.size() == 2);
    const auto& a = r.orders[0];
    CHECK(a.line == 2);
    CHECK(a.id == "SZ-2026-0101");
    CHECK(a.file_name == "SZ-2026-0101.toml");
    CHECK(a.template_name == "10kv");
    CHECK(a.applied == D("2026-03-02"));
    CHECK(a.target == D("2026-07-15"));
    CHECK_FALSE(a.default_target);
    CHECK(contains(a.text, "id = \"SZ-2026-0101\"\n"));
    CHECK(contains(a.text, "name = \"苏州某精密机械有限公司10千伏新装\"\n"));
    CHECK(contains(a.text, "customer_manager = \"张伟\"\n"));
    CHECK(contains(a.text, "capacity_kva = 5000\n"));
    const auto& b = r.orders[1];
    CHECK(b.template_name == "110kv");
    CHECK(b.default_target);
    CHECK(b.target == yekuo::calendar::WorkingCalendar::china().add_working_days(D("2026-03-09"), 190));
    CHECK(contains(b.text, "name = \"某数据中心110千伏新装\"\n"));
    for (const auto& o : r.orders) {
      Diagnostics check;
      CHECK(load_project_text(o.text, o.file_name, check).has_value());
      CHECK_FALSE(check.has_errors());
    }
  }

  TEST_CASE("a bad row is reported at the line it starts on, with its code, and the others are still made") {
    Diagnostics diags;
    const auto r = ledger("id,name,voltage_kv,applied,target\n"
                          "A-1,\"两行\n名称\",10,2026-03-02,2026-07-15\n" // lines 2-3
                          "A-2,,10,2026-02-30,\n"                         // 4: no such date
                          ",,10,2026-03-02,\n"                            // 5: no id
                          "A-4,,20,2026-03-02,\n"                         // 6: no template for 20 kV
                          "A-5,,10,2026-07-15,2026-03-02\n"               // 7: target before applied
                          "A-6,,高压,46083,\n"                            // 8: two errors in one row
                          "A-7,,35,2026-03-02,,surplus\n"                 // 9: more fields than the header
                          "\n,,,,\n"                                      // blank: no rows
                          "A-1,,10,2026-03-02,\n"                         // 12: the id of line 2
                          "A-9,,10,,\n",                                  // 13: no acceptance date
                          diags);
    CHECK(codes(diags) == std::vector<std::string>{"4:bad-date", "5:missing-value", "6:no-template",
                                                   "7:target-before-applied", "8:bad-date", "8:bad-value",
                                                   "9:extra-fields", "12:duplicate-id", "13:missing-value"});
    CHECK(r.rows == 9);
    CHECK(r.bad_rows == 8);
    REQUIRE(r.orders.size() == 1);
    CHECK(r.orders[0].line == 2);
    CHECK(contains(r.orders[0].text, "name = \"两行\\n名称\"\n"));
    const Diagnostic* serial = find_code(diags, "bad-date");
    REQUIRE(serial != nullptr);
    CHECK(serial->loc.file == "l.csv");
    CHECK(contains(serial->hint, "2026-03-02"));
    for (const auto& d : diags.items()) CHECK_MESSAGE(!d.hint.empty(), d.code); // always what to do
  }

  TEST_CASE("--template writes every row from one template, and a row of another level is warned about once") {
    Diagnostics diags;
    const auto r =
        ledger("id,applied,voltage_kv\nB-1,2026-03-02,10\nB-2,2026-03-03,35\nB-3,2026-03-04,35\nB-4,2026-03-05,\n",
               diags, "10kv-ordinary");
    REQUIRE(r.orders.size() == 4);
    for (const auto& o : r.orders) CHECK(o.template_name == "10kv-ordinary");
    CHECK(codes(diags) == std::vector<std::string>{"3:template-voltage"});
    CHECK(contains(r.orders[1].text, "voltage_kv = 35\n"));
    CHECK(contains(r.orders[3].text, "voltage_kv = 10\n")); // the template's
    Diagnostics no_voltage_column;
    CHECK(ledger("id,applied\nB-1,2026-03-02\n", no_voltage_column, "35kv").orders.size() == 1);
    CHECK(no_voltage_column.empty());
    Diagnostics unknown;
    CHECK_THROWS_AS((void)ledger("id,applied\n", unknown, "220kv"), InputError);
  }

  TEST_CASE("a year without official holidays is warned about once, not for every row") {
    Diagnostics diags;
    const auto r = ledger("id,applied,voltage_kv\nC-1,2026-11-02,110\nC-2,2026-11-03,110\n", diags);
    CHECK(r.orders.size() == 2);
    CHECK(codes(diags) == std::vector<std::string>{"2:provisional-calendar"});
    Diagnostics vouched; // unless the organization's calendar covers the year
    yekuo::calendar::CalendarOverrides org;
    org.covered_years = {2027};
    (void)read_ledger("id,applied,voltage_kv\nC-1,2026-11-02,110\n", "l.csv", LedgerOptions{{}, org}, vouched);
    CHECK(vouched.empty());
  }

  TEST_CASE("ids that would share a file name are one order") {
    Diagnostics diags;
    const auto r = ledger("id,applied,voltage_kv\nD-1,2026-03-02,10\nD-1 ,2026-03-02,10\n", diags);
    CHECK(r.orders.size() == 1);
    CHECK(codes(diags) == std::vector<std::string>{"3:duplicate-id"});
    CHECK(contains(diags.items()[0].message, "also on line 2"));
  }

  TEST_CASE("a ledger without a header, an empty one, and one with only a header") {
    Diagnostics none;
    CHECK(ledger("D-1,2026-03-02,10\n", none).orders.empty());
    CHECK(codes(none) == std::vector<std::string>{"1:no-header"});
    Diagnostics empty;
    CHECK(ledger("\n\n", empty).orders.empty());
    CHECK(codes(empty) == std::vector<std::string>{"0:no-header"});
    Diagnostics header_only;
    const auto r = ledger("id,applied,voltage_kv\r\n", header_only);
    CHECK(r.rows == 0);
    CHECK(codes(header_only) == std::vector<std::string>{"1:empty-ledger"});
    CHECK_FALSE(header_only.has_errors());
  }

  TEST_CASE("a CSV error loses its row only, and counts as a bad row") {
    Diagnostics diags;
    const auto r =
        ledger("id,applied,voltage_kv\nE-1,2026-03-02,10\n\"E-2\"x,2026-03-02,10\nE-3,2026-03-02,10\n", diags);
    CHECK(codes(diags) == std::vector<std::string>{"3:csv-syntax"});
    CHECK(r.orders.size() == 2);
    CHECK(r.rows == 3);
    CHECK(r.bad_rows == 1);
  }

} // TEST_SUITE

TEST_SUITE("io::read_ledger on arbitrary text") {

  TEST_CASE("any text gives orders or diagnostics, never an exception; every row is an order or a bad row") {
    // Pieces that make CSV and ledgers interesting, glued at random (a fixed seed: the same cases each run).
    const std::vector<std::string> pieces{",",          "\"",           "\"\"",       "\n",      "\r\n",     "\r",
                                          "id",         "applied",      "voltage_kv", "target",  "工程编号", "2026/3/2",
                                          "2026-02-30", "10kV",         "20",         "110千伏", " ",        "WX-1",
                                          "../x",       "\xE3\x80\x80", "4,000",      ""};
    std::mt19937 random(20260302);
    for (int n = 0; n < 3000; ++n) {
      std::string text = n % 2 == 0 ? "id,applied,voltage_kv,target\n" : "";
      const int length = static_cast<int>(random() % 40);
      for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
      CAPTURE(text);
      Diagnostics diags;
      LedgerImport r;
      CHECK_NOTHROW(r = ledger(text, diags));
      CHECK(r.rows == r.orders.size() + r.bad_rows);
      std::set<int> error_lines;
      for (const auto& d : diags.items()) {
        CHECK_FALSE(d.code.empty());
        CHECK_FALSE(d.message.empty());
        if (d.severity == Severity::error) error_lines.insert(d.loc.line);
      }
      for (const auto& o : r.orders) {
        CHECK_FALSE(error_lines.contains(o.line));
        Diagnostics check;
        CHECK(load_project_text(o.text, o.file_name, check).has_value());
      }
    }
  }

} // TEST_SUITE
