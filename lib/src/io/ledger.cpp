#include <yekuo/io/ledger.hpp>

#include <yekuo/calendar/supported_years.hpp>
#include <yekuo/io/ledger_cells.hpp>
#include <yekuo/io/order_file_name.hpp>
#include <yekuo/io/validate.hpp>
#include <yekuo/util/error.hpp>
#include <yekuo/util/spellcheck.hpp>

#include <cctype>
#include <fmt/format.h>
#include <map>
#include <set>
#include <utility>

namespace yekuo::io {

namespace {

struct ColumnNames {
  LedgerColumn column;
  std::string_view en;
  std::string_view zh;
};

constexpr ColumnNames k_columns[k_ledger_columns] = {
    {LedgerColumn::id, "id", "工程编号"},
    {LedgerColumn::name, "name", "工程名称"},
    {LedgerColumn::customer, "customer", "客户名称"},
    {LedgerColumn::voltage_kv, "voltage_kv", "电压等级"},
    {LedgerColumn::capacity_kva, "capacity_kva", "报装容量"},
    {LedgerColumn::applied, "applied", "受理日期"},
    {LedgerColumn::target, "target", "期望接电日期"},
    {LedgerColumn::customer_manager, "customer_manager", "客户经理"},
};

constexpr std::string_view k_header_example =
    "id,name,customer,voltage_kv,capacity_kva,applied,target,customer_manager (or 工程编号,工程名称,客户名称,"
    "电压等级,报装容量,受理日期,期望接电日期,客户经理), in any order";
constexpr std::string_view k_date_forms = "write dates as 2026-03-02 (also read: 2026/3/2, 2026-3-2, 2026年3月2日)";

std::size_t index(LedgerColumn c) { return static_cast<std::size_t>(c); }

// The header without its unit in parentheses, ASCII lower-case, '_' for ' ' and '-'.
std::string normalize_header(std::string_view header) {
  std::string_view s = trim_cell(header);
  for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
    if (!s.ends_with(close)) continue;
    if (const auto at = s.rfind(open); at != std::string_view::npos && at > 0) s = trim_cell(s.substr(0, at));
  }
  std::string out;
  for (char c : s) out += c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool has_control_character(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return true;
  return false;
}

// Reads the cells of one row; each problem is an error at the row's line.
class RowReader {
public:
  RowReader(const CsvRecord& record, const LedgerHeader& header, const std::string& path, Diagnostics& diags)
      : m_record(record), m_header(header), m_at{path, record.line, 0}, m_diags(diags) {}

  [[nodiscard]] std::string_view cell(LedgerColumn c) const {
    const auto& field = m_header.field[index(c)];
    if (!field || *field >= m_record.fields.size()) return {};
    return trim_cell(m_record.fields[*field]);
  }

  // "受理日期 (applied)" as the ledger writes it, with the key it fills.
  [[nodiscard]] std::string label(LedgerColumn c) const {
    const std::string& written = m_header.written[index(c)];
    const std::string_view en = ledger_header_en(c);
    return written.empty() || written == en ? std::string(en) : fmt::format("{} ({})", written, en);
  }

  void error(std::string code, std::string message, std::string hint) {
    m_diags.error(std::move(code), m_at, std::move(message), std::move(hint));
    m_ok = false;
  }
  void warning(std::string code, std::string message, std::string hint) {
    m_diags.warning(std::move(code), m_at, std::move(message), std::move(hint));
  }
  [[nodiscard]] bool ok() const { return m_ok; }

  std::optional<calendar::Date> date(LedgerColumn c) {
    const std::string_view text = cell(c);
    if (text.empty()) return std::nullopt;
    const auto d = parse_ledger_date(text);
    if (!d) {
      if (looks_like_excel_serial(text))
        error("bad-date", fmt::format("{}: {} looks like Excel's serial number of a date, not a date", label(c), text),
              "format the column as a date (yyyy-mm-dd) in Excel before saving the sheet as CSV");
      else
        error("bad-date", fmt::format("{}: \"{}\" is not a date", label(c), text), std::string(k_date_forms));
      return std::nullopt;
    }
    if (!calendar::is_supported_year(d->year())) {
      error("date-out-of-range",
            fmt::format("{}: {} is outside the supported range {}-01-01..{}-12-31", label(c), d->iso(),
                        calendar::k_first_supported_year, calendar::k_last_supported_year),
            "check the year");
      return std::nullopt;
    }
    return d;
  }

  std::optional<double> number(LedgerColumn c, std::optional<double> (*parse)(std::string_view), double max,
                               std::string_view unit, std::string_view forms) {
    const std::string_view text = cell(c);
    if (text.empty()) return std::nullopt;
    const auto v = parse(text);
    if (!v)
      error("bad-value", fmt::format("{}: \"{}\" is not a positive number of {}", label(c), text, unit),
            fmt::format("write it as {}", forms));
    else if (*v > max)
      error("bad-value", fmt::format("{}: {} {} is more than {} {}", label(c), *v, unit, max, unit),
            "check the value and its unit");
    else
      return v;
    return std::nullopt;
  }

private:
  const CsvRecord& m_record;
  const LedgerHeader& m_header;
  SourceLoc m_at;
  Diagnostics& m_diags;
  bool m_ok = true;
};

std::string template_levels() {
  std::string out;
  for (const auto& t : model::list_templates()) {
    const std::string level = fmt::format("{}", t.voltage_kv);
    if (out.find(level + " kV") != std::string::npos) continue;
    out += fmt::format("{}{} kV", out.empty() ? "" : ", ", level);
  }
  return out;
}

// The order file of a good row, checked as `yekuo check` would check it.
std::optional<LedgerOrder> make_order(const LedgerRow& row, const std::string& path, const LoadOptions& load,
                                      const calendar::WorkingCalendar& cal, Diagnostics& diags) {
  const SourceLoc at{path, row.line, 0};
  LedgerOrder order;
  order.line = row.line;
  order.id = row.request.id;
  order.template_name = row.template_name;
  order.file_name = order_file_name(row.request.id);
  order.default_target = !row.request.target;
  try {
    const model::TemplateValues values =
        model::complete_values(*model::find_template(row.template_name), row.request, cal);
    order.applied = values.applied;
    order.target = values.target;
    order.text = model::instantiate_template(row.template_name, values);
  } catch (const InputError& e) {
    diags.error("bad-value", at, e.what(), "check the row's dates and values");
    return std::nullopt;
  }
  Diagnostics check;
  const bool valid = load_project_text(order.text, order.file_name, check, load).has_value();
  for (Diagnostic d : check.items()) {
    // The file does not exist yet: the row is the place to fix.
    d.loc = at;
    if (d.severity == Severity::error)
      d.message = fmt::format("the order file would not pass yekuo check: {}", d.message);
    diags.add(std::move(d));
  }
  if (!valid) return std::nullopt;
  return order;
}

} // namespace

std::string_view ledger_header_en(LedgerColumn column) { return k_columns[index(column)].en; }
std::string_view ledger_header_zh(LedgerColumn column) { return k_columns[index(column)].zh; }

std::optional<LedgerColumn> ledger_column(std::string_view header) {
  const std::string h = normalize_header(header);
  for (const auto& c : k_columns)
    if (h == c.en || h == c.zh) return c.column;
  return std::nullopt;
}

bool is_blank_record(const CsvRecord& record) {
  for (const auto& f : record.fields)
    if (!trim_cell(f).empty()) return false;
  return true;
}

std::optional<LedgerHeader> read_ledger_header(const CsvRecord& record, const std::string& path, bool need_voltage,
                                               Diagnostics& diags) {
  const SourceLoc at{path, record.line, 0};
  LedgerHeader header;
  header.line = record.line;
  header.fields = record.fields.size();
  bool ok = true;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const std::string_view written = trim_cell(record.fields[i]);
    const auto column = ledger_column(written);
    if (!column) {
      if (!written.empty()) header.ignored.emplace_back(written);
      continue;
    }
    auto& field = header.field[index(*column)];
    if (field) {
      diags.error("duplicate-column", at,
                  fmt::format("column {} is given twice (\"{}\" in field {}, \"{}\" in field {})",
                              ledger_header_en(*column), header.written[index(*column)], *field + 1, written, i + 1),
                  "keep one of them");
      ok = false;
      continue;
    }
    field = i;
    header.written[index(*column)] = std::string(written);
  }
  bool any = false;
  for (const auto& f : header.field) any = any || f.has_value();
  if (!any) {
    const bool other_separator =
        record.fields.size() == 1 && record.fields[0].find_first_of(";\t") != std::string::npos;
    diags.error("no-header", at, "the first row is not a header row: none of its cells names a column",
                other_separator ? std::string("the row has no commas: save the sheet as CSV (comma-separated)")
                                : fmt::format("put a header row first: {}", k_header_example));
    return std::nullopt;
  }
  std::vector<LedgerColumn> required{LedgerColumn::id, LedgerColumn::applied};
  if (need_voltage) required.push_back(LedgerColumn::voltage_kv);
  for (const auto c : required) {
    if (header.field[index(c)]) continue;
    const bool voltage = c == LedgerColumn::voltage_kv;
    diags.error("missing-column", at,
                fmt::format("no column {} ({}){}", ledger_header_en(c), ledger_header_zh(c),
                            voltage ? ": the template of each order is chosen by its voltage" : ""),
                voltage ? std::string("add the column, or give --template NAME for every row (yekuo new --list)")
                        : fmt::format("add the column to the header row: {}", k_header_example));
    ok = false;
  }
  if (!header.ignored.empty()) {
    std::vector<std::string_view> known;
    for (const auto& c : k_columns) {
      if (header.field[index(c.column)]) continue;
      known.push_back(c.en);
      known.push_back(c.zh);
    }
    std::string list;
    for (const auto& h : header.ignored)
      list += fmt::format("{}{}{}", list.empty() ? "" : ", ", h, did_you_mean(normalize_header(h), known));
    diags.warning("ignored-column", at, fmt::format("columns not imported: {}", list),
                  "yekuo import reads id, name, customer, voltage_kv, capacity_kva, applied, target and "
                  "customer_manager (or their Chinese headers); the other columns stay in the ledger only");
  }
  if (!ok) return std::nullopt;
  return header;
}

std::optional<LedgerRow> read_ledger_row(const CsvRecord& record, const LedgerHeader& header, const std::string& path,
                                         const LedgerOptions& options, Diagnostics& diags) {
  RowReader r(record, header, path, diags);
  using C = LedgerColumn;
  for (std::size_t i = header.fields; i < record.fields.size(); ++i) {
    if (trim_cell(record.fields[i]).empty()) continue; // Excel pads rows with empty fields
    r.error("extra-fields",
            fmt::format("the row has {} fields, more than the header's {}", record.fields.size(), header.fields),
            "a value holding a comma must be in double quotes (\"4,000\"); Excel does this when it saves CSV");
    break;
  }

  LedgerRow row;
  row.line = record.line;
  auto& q = row.request;
  q.id = std::string(r.cell(C::id));
  if (q.id.empty())
    r.error("missing-value", fmt::format("{} is empty", r.label(C::id)),
            "every row needs its order's id: it is the order's id and its file name");
  else if (has_control_character(q.id))
    r.error("bad-value", fmt::format("{} holds a line break or a control character", r.label(C::id)),
            "write the id on one line");
  q.name = std::string(r.cell(C::name));
  q.customer = std::string(r.cell(C::customer));
  q.customer_manager = std::string(r.cell(C::customer_manager));

  const auto applied = r.date(C::applied);
  if (r.cell(C::applied).empty())
    r.error("missing-value", fmt::format("{} is empty", r.label(C::applied)),
            fmt::format("give the day the application was accepted; {}", k_date_forms));
  q.target = r.date(C::target);
  if (applied) q.applied = *applied;
  if (applied && q.target && *q.target < *applied)
    r.error(
        "target-before-applied",
        fmt::format("{} {} is before {} {}", r.label(C::target), q.target->iso(), r.label(C::applied), applied->iso()),
        "fix one of the two dates");

  q.voltage_kv = r.number(C::voltage_kv, parse_voltage_kv, 1000, "kV", "10, 10kV, 10 kV or 110千伏");
  q.capacity_kva = r.number(C::capacity_kva, parse_capacity_kva, 1e7, "kVA", "4000, 4,000, 4000kVA or 4000千伏安");

  if (!options.template_name.empty()) {
    row.template_name = options.template_name;
    if (q.voltage_kv)
      if (const auto note = model::voltage_mismatch(*model::find_template(options.template_name), *q.voltage_kv))
        r.warning("template-voltage", *note, "import the orders of each voltage level from a ledger of their own");
  } else if (q.voltage_kv) {
    if (const auto* info = model::template_for_voltage(*q.voltage_kv))
      row.template_name = std::string(info->name);
    else
      r.error("no-template",
              fmt::format("no template for {} kV (there are templates for {})", *q.voltage_kv, template_levels()),
              "give --template NAME to write every row from that template (yekuo new --list), or import these "
              "orders from a ledger of their own");
  } else if (r.cell(C::voltage_kv).empty()) {
    r.error("missing-value", fmt::format("{} is empty: the template is chosen by the voltage", r.label(C::voltage_kv)),
            "fill in the voltage (10, 35 or 110 kV), or give --template NAME for every row");
  }
  if (!r.ok()) return std::nullopt;
  return row;
}

LedgerImport read_ledger(std::string_view text, const std::string& path, const LedgerOptions& options,
                         Diagnostics& diags) {
  if (!options.template_name.empty()) (void)model::template_source(options.template_name); // throws when unknown
  LedgerImport out;
  Diagnostics found;
  const auto records = parse_csv(text, path, found);
  std::size_t first = 0;
  while (first < records.size() && is_blank_record(records[first])) ++first;
  if (first == records.size()) {
    if (!found.has_errors())
      found.error("no-header", {path, 0, 0}, "the ledger is empty: no header row and no rows",
                  fmt::format("the first row names the columns: {}", k_header_example));
    diags.append(found);
    return out;
  }
  const auto header = read_ledger_header(records[first], path, options.template_name.empty(), found);
  if (!header) {
    diags.append(found);
    return out;
  }

  const calendar::WorkingCalendar org(options.calendar);
  const auto& cal = options.calendar.empty() ? calendar::WorkingCalendar::china() : org;
  const LoadOptions load{options.calendar};
  std::map<std::string, std::pair<int, std::string>> by_file; // file name -> the first row's line and id
  std::set<int> bad_lines;
  for (const auto& d : found.items()) // records left out by parse_csv
    if (d.severity == Severity::error && d.loc.line > header->line) bad_lines.insert(d.loc.line);
  out.rows = bad_lines.size();
  for (std::size_t i = first + 1; i < records.size(); ++i) {
    const CsvRecord& record = records[i];
    if (is_blank_record(record)) continue;
    ++out.rows;
    Diagnostics row_diags;
    auto row = read_ledger_row(record, *header, path, options, row_diags);
    std::optional<LedgerOrder> order;
    if (row) order = make_order(*row, path, load, cal, row_diags);
    // Two rows of one order (or of ids with one file name): the later one is a mistake, whether
    // or not the earlier one could be imported.
    if (const auto& id_field = header->field[index(LedgerColumn::id)]; id_field && *id_field < record.fields.size()) {
      const std::string id(trim_cell(record.fields[*id_field]));
      const auto [it, first_of_file] =
          id.empty() ? std::pair{by_file.end(), true} : by_file.try_emplace(order_file_name(id), record.line, id);
      if (!first_of_file) {
        const auto& [earlier_line, earlier_id] = it->second;
        row_diags.error("duplicate-id", {path, record.line, 0},
                        earlier_id == id ? fmt::format("the id \"{}\" is also on line {}", id, earlier_line)
                                         : fmt::format("the order file {} would also be that of line {} (id \"{}\")",
                                                       it->first, earlier_line, earlier_id),
                        "each order is one row with its own id: delete the repeated row or correct its id");
        order.reset();
      }
    }
    if (order) {
      out.orders.push_back(std::move(*order));
    } else {
      bad_lines.insert(record.line);
    }
    found.append(row_diags);
  }
  out.bad_rows = bad_lines.size();
  if (out.rows == 0)
    found.warning("empty-ledger", {path, header->line, 0}, "no rows under the header: nothing to import",
                  "fill in one row per order under the header row");

  // A warning repeated row after row says nothing new: keep its first.
  std::set<std::pair<std::string, std::string>> warned;
  for (const auto& d : found.items())
    if (d.severity == Severity::error || warned.insert({d.code, d.message}).second) diags.add(d);
  return out;
}

} // namespace yekuo::io
