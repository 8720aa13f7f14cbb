// A decoded picture: an FFmpeg frame owned by reference, read by the painter plane by plane.
#include <utility>

extern "C" {
#include <libavutil/frame.h>
}

#include "media/video_decoder.hpp"

namespace keiji::media {

using std::chrono::microseconds;

VideoFrame::VideoFrame(AVFrame* frame, Layout layout, microseconds time)
    : m_frame(frame), m_layout(layout), m_time(time) {}

VideoFrame::VideoFrame(VideoFrame&& other) noexcept
    : m_frame(std::exchange(other.m_frame, nullptr)),
      m_layout(other.m_layout),
      m_time(other.m_time) {}

VideoFrame& VideoFrame::operator=(VideoFrame&& other) noexcept {
    if (this != &other) {
        av_frame_free(&m_frame);
        m_frame = std::exchange(other.m_frame, nullptr);
        m_layout = other.m_layout;
        m_time = other.m_time;
    }
    return *this;
}

VideoFrame::~VideoFrame() {
    av_frame_free(&m_frame);
}

int VideoFrame::width() const {
    return m_frame->width;
}

int VideoFrame::height() const {
    return m_frame->height;
}

bool VideoFrame::bt709() const {
    // Unmarked HD films are BT.709 in practice (what players, and SDL's automatic mode, assume).
    return m_frame->colorspace == AVCOL_SPC_BT709 ||
           (m_frame->colorspace == AVCOL_SPC_UNSPECIFIED && m_frame->height >= 720);
}

bool VideoFrame::full_range() const {
    return m_frame->color_range == AVCOL_RANGE_JPEG || m_frame->format == AV_PIX_FMT_YUVJ420P;
}

const std::uint8_t* VideoFrame::plane(int i) const {
    return m_frame->data[i];
}

int VideoFrame::pitch(int i) const {
    return m_frame->linesize[i];
}

}  // namespace keiji::media
