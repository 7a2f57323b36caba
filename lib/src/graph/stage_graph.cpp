#include <yekuo/graph/stage_graph.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>
#include <iterator>

namespace yekuo::graph {

namespace {

// Edge property: which `after` entry of the successor created the edge.
struct EdgeInfo {
  std::size_t dep_index = 0;
};
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, EdgeInfo>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

Graph build(const model::Project& project) {
  Graph g(project.stages.size());
  for (std::size_t s = 0; s < project.stages.size(); ++s) {
    const auto& after = project.stages[s].after;
    for (std::size_t k = 0; k < after.size(); ++k)
      if (after[k].pred < project.stages.size()) boost::add_edge(after[k].pred, s, EdgeInfo{k}, g);
  }
  return g;
}

struct CycleFound {};

// Remembers the DFS tree and stops at the first back edge, which closes a cycle.
class CycleVisitor : public boost::default_dfs_visitor {
public:
  CycleVisitor(std::vector<Vertex>& parent, std::optional<Edge>& back) : m_parent(parent), m_back(back) {}
  void tree_edge(Edge e, const Graph& g) { m_parent[boost::target(e, g)] = boost::source(e, g); }
  void back_edge(Edge e, const Graph&) {
    m_back = e;
    throw CycleFound{};
  }

private:
  std::vector<Vertex>& m_parent;
  std::optional<Edge>& m_back;
};

} // namespace

std::optional<std::vector<std::size_t>> topological_order(const model::Project& project) {
  const Graph g = build(project);
  std::vector<Vertex> reversed;
  reversed.reserve(project.stages.size());
  try {
    boost::topological_sort(g, std::back_inserter(reversed));
  } catch (const boost::not_a_dag&) {
    return std::nullopt;
  }
  return std::vector<std::size_t>(reversed.rbegin(), reversed.rend());
}

std::optional<Cycle> find_cycle(const model::Project& project) {
  const Graph g = build(project);
  const auto n = boost::num_vertices(g);
  std::vector<Vertex> parent(n);
  for (Vertex v = 0; v < n; ++v) parent[v] = v;
  std::optional<Edge> back;
  std::vector<boost::default_color_type> colors(n);
  try {
    boost::depth_first_search(g, boost::visitor(CycleVisitor(parent, back))
                                     .color_map(boost::make_iterator_property_map(
                                         colors.begin(), boost::get(boost::vertex_index, g))));
  } catch (const CycleFound&) {
  }
  if (!back) return std::nullopt;
  // The back edge u -> v closes v -> ... -> u -> v along the tree.
  const Vertex u = boost::source(*back, g);
  const Vertex v = boost::target(*back, g);
  std::vector<std::size_t> path;
  for (Vertex w = u; w != v; w = parent[w]) path.push_back(w);
  path.push_back(v);
  Cycle c;
  c.stages.assign(path.rbegin(), path.rend());
  c.stages.push_back(v);
  c.closing_stage = v;
  c.closing_dep = g[*back].dep_index;
  return c;
}

std::string describe_cycle(const model::Project& project, const Cycle& cycle) {
  std::string out;
  for (std::size_t i = 0; i < cycle.stages.size(); ++i) {
    if (i) out += " -> ";
    out += project.stages[cycle.stages[i]].id;
  }
  return out;
}

} // namespace yekuo::graph
