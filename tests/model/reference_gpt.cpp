#include "reference_gpt.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace smp::test {
namespace {

using Matrix = std::vector<double>;  // row-major [rows, cols]

constexpr double kLayerNormEps = 1e-5;
constexpr double kGeluAlpha = 1.702;

Matrix layernorm(const Matrix& x, std::span<const float> gain, std::span<const float> bias, int rows, int cols) {
  Matrix y(x.size());
  for (int r = 0; r < rows; ++r) {
    const double* in = &x[std::size_t(r) * cols];
    double mean = 0.0;
    for (int j = 0; j < cols; ++j) mean += in[j];
    mean /= cols;
    double variance = 0.0;
    for (int j = 0; j < cols; ++j) variance += (in[j] - mean) * (in[j] - mean);
    variance /= cols;
    const double inv_std = 1.0 / std::sqrt(variance + kLayerNormEps);
    for (int j = 0; j < cols; ++j) y[std::size_t(r) * cols + j] = (in[j] - mean) * inv_std * gain[j] + bias[j];
  }
  return y;
}

// y[rows, out] = x[rows, in] · weightᵀ + bias, weight stored [out, in]; empty bias means none.
Matrix linear(const Matrix& x, std::span<const float> weight, std::span<const float> bias, int rows, int in, int out) {
  Matrix y(std::size_t(rows) * out);
  for (int r = 0; r < rows; ++r) {
    for (int o = 0; o < out; ++o) {
      double sum = bias.empty() ? 0.0 : bias[o];
      for (int i = 0; i < in; ++i) sum += x[std::size_t(r) * in + i] * weight[std::size_t(o) * in + i];
      y[std::size_t(r) * out + o] = sum;
    }
  }
  return y;
}

// Causal multi-head attention over qkv [T, 3d] (q | k | v per row).
Matrix attention(const Matrix& qkv, int t, int d, int heads) {
  const int head_dim = d / heads;
  Matrix out(std::size_t(t) * d, 0.0);
  std::vector<double> weights(t);
  for (int h = 0; h < heads; ++h) {
    for (int i = 0; i < t; ++i) {
      const double* q = &qkv[std::size_t(i) * 3 * d + h * head_dim];
      double max_score = -INFINITY;
      for (int j = 0; j <= i; ++j) {
        const double* k = &qkv[std::size_t(j) * 3 * d + d + h * head_dim];
        double dot = 0.0;
        for (int e = 0; e < head_dim; ++e) dot += q[e] * k[e];
        weights[j] = dot / std::sqrt(double(head_dim));
        max_score = std::max(max_score, weights[j]);
      }
      double total = 0.0;
      for (int j = 0; j <= i; ++j) total += weights[j] = std::exp(weights[j] - max_score);
      for (int j = 0; j <= i; ++j) {
        const double* v = &qkv[std::size_t(j) * 3 * d + 2 * d + h * head_dim];
        for (int e = 0; e < head_dim; ++e) out[std::size_t(i) * d + h * head_dim + e] += weights[j] / total * v[e];
      }
    }
  }
  return out;
}

void add_into(Matrix& x, const Matrix& y) {
  for (std::size_t i = 0; i < x.size(); ++i) x[i] += y[i];
}

}  // namespace

std::vector<double> reference_forward(const model::ModelConfig& config, const model::TensorArena& parameters,
                                      std::span<const int> tokens) {
  const int t = int(tokens.size());
  const int d = config.d_model;
  const auto p = [&parameters](const std::string& name) { return parameters.tensor(name); };

  const std::span<const float> token_embedding = p("token_embedding");
  const std::span<const float> position_embedding = p("position_embedding");
  Matrix x(std::size_t(t) * d);
  for (int i = 0; i < t; ++i) {
    for (int j = 0; j < d; ++j) {
      x[std::size_t(i) * d + j] =
          double(token_embedding[std::size_t(tokens[i]) * d + j]) + position_embedding[std::size_t(i) * d + j];
    }
  }
  for (int l = 0; l < config.layers; ++l) {
    const std::string layer = "layer" + std::to_string(l) + ".";
    const Matrix ln1 = layernorm(x, p(layer + "ln1.gain"), p(layer + "ln1.bias"), t, d);
    const Matrix qkv = linear(ln1, p(layer + "qkv.weight"), p(layer + "qkv.bias"), t, d, 3 * d);
    add_into(x, linear(attention(qkv, t, d, config.heads), p(layer + "proj.weight"), p(layer + "proj.bias"), t, d, d));
    const Matrix ln2 = layernorm(x, p(layer + "ln2.gain"), p(layer + "ln2.bias"), t, d);
    Matrix hidden = linear(ln2, p(layer + "fc.weight"), p(layer + "fc.bias"), t, d, 4 * d);
    for (double& h : hidden) h = h / (1.0 + std::exp(-kGeluAlpha * h));
    add_into(x, linear(hidden, p(layer + "fc2.weight"), p(layer + "fc2.bias"), t, 4 * d, d));
  }
  const Matrix normed = layernorm(x, p("final_ln.gain"), p("final_ln.bias"), t, d);
  return linear(normed, p("head.weight"), {}, t, d, config.vocab);
}

double normwise_relative_error(std::span<const float> got, std::span<const double> want) {
  double worst_difference = 0.0;
  double scale = 0.0;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const double difference = std::fabs(got[i] - want[i]);
    if (std::isnan(difference)) return difference;
    worst_difference = std::max(worst_difference, difference);
    scale = std::max(scale, std::fabs(want[i]));
  }
  return worst_difference / scale;
}

}  // namespace smp::test
