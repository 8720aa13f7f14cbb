// The FFmpeg functions keiji calls (media/), each handed to its library opened on first use
// (see shared_library.hpp): libavcodec alone brings some hundred codec libraries, and a
// screen without a film needs none of them. Without the libraries the calls fail as FFmpeg
// reports a failure (an error code, a null object).
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
#include <libavutil/hwcontext.h>
#include <libavutil/mathematics.h>
#include <libavutil/mem.h>
#include <libavutil/pixdesc.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include <cerrno>

#include "ondemand/shared_library.hpp"

namespace {

using keiji::ondemand::SharedLibrary;

// The answer of a call its library is missing for.
const int missing = AVERROR(ENOSYS);

template <typename Function, typename Result, typename... Arguments>
Result forward(SharedLibrary& library, const char* name, Result fallback, Arguments... arguments) {
    Function* function = library.function<Function>(name);
    return function != nullptr ? function(arguments...) : fallback;
}

template <typename Function, typename... Arguments>
void forward_void(SharedLibrary& library, const char* name, Arguments... arguments) {
    if (Function* function = library.function<Function>(name)) {
        function(arguments...);
    }
}

SharedLibrary& avutil() {
    return keiji::ondemand::ffmpeg_library(keiji::ondemand::Ffmpeg::avutil);
}
SharedLibrary& avcodec() {
    return keiji::ondemand::ffmpeg_library(keiji::ondemand::Ffmpeg::avcodec);
}
SharedLibrary& avformat() {
    return keiji::ondemand::ffmpeg_library(keiji::ondemand::Ffmpeg::avformat);
}
SharedLibrary& swresample() {
    return keiji::ondemand::ffmpeg_library(keiji::ondemand::Ffmpeg::swresample);
}
SharedLibrary& swscale() {
    return keiji::ondemand::ffmpeg_library(keiji::ondemand::Ffmpeg::swscale);
}

}  // namespace

// ---- libavutil

KEIJI_ON_DEMAND void(av_log_set_level)(int level) {
    forward_void<decltype(av_log_set_level)>(avutil(), "av_log_set_level", level);
}
KEIJI_ON_DEMAND void(av_max_alloc)(size_t max) {
    forward_void<decltype(av_max_alloc)>(avutil(), "av_max_alloc", max);
}
KEIJI_ON_DEMAND int(av_strerror)(int code, char* text, size_t size) {
    return forward<decltype(av_strerror)>(avutil(), "av_strerror", missing, code, text, size);
}
KEIJI_ON_DEMAND int(av_dict_set)(AVDictionary** dictionary, const char* key, const char* value,
                                 int flags) {
    return forward<decltype(av_dict_set)>(avutil(), "av_dict_set", missing, dictionary, key, value,
                                          flags);
}
KEIJI_ON_DEMAND void(av_dict_free)(AVDictionary** dictionary) {
    forward_void<decltype(av_dict_free)>(avutil(), "av_dict_free", dictionary);
}
KEIJI_ON_DEMAND void*(av_malloc)(size_t size) {
    return forward<decltype(av_malloc)>(avutil(), "av_malloc", static_cast<void*>(nullptr), size);
}
KEIJI_ON_DEMAND void(av_free)(void* pointer) {
    forward_void<decltype(av_free)>(avutil(), "av_free", pointer);
}
KEIJI_ON_DEMAND void(av_freep)(void* pointer) {
    forward_void<decltype(av_freep)>(avutil(), "av_freep", pointer);
}
KEIJI_ON_DEMAND AVFrame*(av_frame_alloc)() {
    return forward<decltype(av_frame_alloc)>(avutil(), "av_frame_alloc",
                                             static_cast<AVFrame*>(nullptr));
}
KEIJI_ON_DEMAND void(av_frame_free)(AVFrame** frame) {
    forward_void<decltype(av_frame_free)>(avutil(), "av_frame_free", frame);
}
KEIJI_ON_DEMAND void(av_frame_unref)(AVFrame* frame) {
    forward_void<decltype(av_frame_unref)>(avutil(), "av_frame_unref", frame);
}
KEIJI_ON_DEMAND AVFrame*(av_frame_clone)(const AVFrame* frame) {
    return forward<decltype(av_frame_clone)>(avutil(), "av_frame_clone",
                                             static_cast<AVFrame*>(nullptr), frame);
}
KEIJI_ON_DEMAND int(av_frame_get_buffer)(AVFrame* frame, int align) {
    return forward<decltype(av_frame_get_buffer)>(avutil(), "av_frame_get_buffer", missing, frame,
                                                  align);
}
KEIJI_ON_DEMAND const AVPixFmtDescriptor*(av_pix_fmt_desc_get)(AVPixelFormat format) {
    return forward<decltype(av_pix_fmt_desc_get)>(
        avutil(), "av_pix_fmt_desc_get", static_cast<const AVPixFmtDescriptor*>(nullptr), format);
}
KEIJI_ON_DEMAND int64_t(av_rescale_q)(int64_t value, AVRational from, AVRational to) {
    return forward<decltype(av_rescale_q)>(avutil(), "av_rescale_q", int64_t{0}, value, from, to);
}
KEIJI_ON_DEMAND int64_t(av_rescale)(int64_t value, int64_t multiply, int64_t divide) {
    return forward<decltype(av_rescale)>(avutil(), "av_rescale", int64_t{0}, value, multiply,
                                         divide);
}

// ---- libavcodec

KEIJI_ON_DEMAND const AVCodec*(avcodec_find_decoder)(AVCodecID id) {
    return forward<decltype(avcodec_find_decoder)>(avcodec(), "avcodec_find_decoder",
                                                   static_cast<const AVCodec*>(nullptr), id);
}
KEIJI_ON_DEMAND const char*(avcodec_get_name)(AVCodecID id) {
    return forward<decltype(avcodec_get_name)>(avcodec(), "avcodec_get_name",
                                               static_cast<const char*>("unknown"), id);
}
KEIJI_ON_DEMAND const char*(avcodec_profile_name)(AVCodecID id, int profile) {
    return forward<decltype(avcodec_profile_name)>(avcodec(), "avcodec_profile_name",
                                                   static_cast<const char*>(nullptr), id, profile);
}
KEIJI_ON_DEMAND AVCodecContext*(avcodec_alloc_context3)(const AVCodec* codec) {
    return forward<decltype(avcodec_alloc_context3)>(avcodec(), "avcodec_alloc_context3",
                                                     static_cast<AVCodecContext*>(nullptr), codec);
}
KEIJI_ON_DEMAND void(avcodec_free_context)(AVCodecContext** context) {
    forward_void<decltype(avcodec_free_context)>(avcodec(), "avcodec_free_context", context);
}
KEIJI_ON_DEMAND int(avcodec_parameters_to_context)(AVCodecContext* context,
                                                   const AVCodecParameters* parameters) {
    return forward<decltype(avcodec_parameters_to_context)>(
        avcodec(), "avcodec_parameters_to_context", missing, context, parameters);
}
KEIJI_ON_DEMAND int(avcodec_open2)(AVCodecContext* context, const AVCodec* codec,
                                   AVDictionary** options) {
    return forward<decltype(avcodec_open2)>(avcodec(), "avcodec_open2", missing, context, codec,
                                            options);
}
KEIJI_ON_DEMAND int(avcodec_send_packet)(AVCodecContext* context, const AVPacket* packet) {
    return forward<decltype(avcodec_send_packet)>(avcodec(), "avcodec_send_packet", missing,
                                                  context, packet);
}
KEIJI_ON_DEMAND int(avcodec_receive_frame)(AVCodecContext* context, AVFrame* frame) {
    return forward<decltype(avcodec_receive_frame)>(avcodec(), "avcodec_receive_frame", missing,
                                                    context, frame);
}
KEIJI_ON_DEMAND void(avcodec_flush_buffers)(AVCodecContext* context) {
    forward_void<decltype(avcodec_flush_buffers)>(avcodec(), "avcodec_flush_buffers", context);
}
KEIJI_ON_DEMAND AVPacket*(av_packet_alloc)() {
    return forward<decltype(av_packet_alloc)>(avcodec(), "av_packet_alloc",
                                              static_cast<AVPacket*>(nullptr));
}
KEIJI_ON_DEMAND void(av_packet_free)(AVPacket** packet) {
    forward_void<decltype(av_packet_free)>(avcodec(), "av_packet_free", packet);
}
KEIJI_ON_DEMAND void(av_packet_unref)(AVPacket* packet) {
    forward_void<decltype(av_packet_unref)>(avcodec(), "av_packet_unref", packet);
}

// ---- libavformat

KEIJI_ON_DEMAND AVFormatContext*(avformat_alloc_context)() {
    return forward<decltype(avformat_alloc_context)>(avformat(), "avformat_alloc_context",
                                                     static_cast<AVFormatContext*>(nullptr));
}
KEIJI_ON_DEMAND int(avformat_open_input)(AVFormatContext** context, const char* url,
                                         const AVInputFormat* format, AVDictionary** options) {
    return forward<decltype(avformat_open_input)>(avformat(), "avformat_open_input", missing,
                                                  context, url, format, options);
}
KEIJI_ON_DEMAND int(avformat_find_stream_info)(AVFormatContext* context, AVDictionary** options) {
    return forward<decltype(avformat_find_stream_info)>(avformat(), "avformat_find_stream_info",
                                                        missing, context, options);
}
KEIJI_ON_DEMAND void(avformat_close_input)(AVFormatContext** context) {
    forward_void<decltype(avformat_close_input)>(avformat(), "avformat_close_input", context);
}
KEIJI_ON_DEMAND int(av_find_best_stream)(AVFormatContext* context, AVMediaType type, int wanted,
                                         int related, const AVCodec** decoder, int flags) {
    return forward<decltype(av_find_best_stream)>(avformat(), "av_find_best_stream", missing,
                                                  context, type, wanted, related, decoder, flags);
}
KEIJI_ON_DEMAND int(av_read_frame)(AVFormatContext* context, AVPacket* packet) {
    return forward<decltype(av_read_frame)>(avformat(), "av_read_frame", missing, context, packet);
}
KEIJI_ON_DEMAND int(av_seek_frame)(AVFormatContext* context, int stream, int64_t time, int flags) {
    return forward<decltype(av_seek_frame)>(avformat(), "av_seek_frame", missing, context, stream,
                                            time, flags);
}
KEIJI_ON_DEMAND AVIOContext*(avio_alloc_context)(unsigned char* buffer, int size, int writable,
                                                 void* opaque, int (*read)(void*, uint8_t*, int),
                                                 int (*write)(void*, uint8_t*, int),
                                                 int64_t (*seek)(void*, int64_t, int)) {
    return forward<decltype(avio_alloc_context)>(avformat(), "avio_alloc_context",
                                                 static_cast<AVIOContext*>(nullptr), buffer, size,
                                                 writable, opaque, read, write, seek);
}
KEIJI_ON_DEMAND void(avio_context_free)(AVIOContext** context) {
    forward_void<decltype(avio_context_free)>(avformat(), "avio_context_free", context);
}

// ---- hardware decoding (VA-API), libavutil and libavcodec

KEIJI_ON_DEMAND int(av_hwdevice_ctx_create)(AVBufferRef** device, AVHWDeviceType type,
                                            const char* name, AVDictionary* options, int flags) {
    return forward<decltype(av_hwdevice_ctx_create)>(avutil(), "av_hwdevice_ctx_create", missing,
                                                     device, type, name, options, flags);
}
KEIJI_ON_DEMAND int(av_hwframe_transfer_data)(AVFrame* to, const AVFrame* from, int flags) {
    return forward<decltype(av_hwframe_transfer_data)>(avutil(), "av_hwframe_transfer_data",
                                                       missing, to, from, flags);
}
KEIJI_ON_DEMAND int(av_frame_copy_props)(AVFrame* to, const AVFrame* from) {
    return forward<decltype(av_frame_copy_props)>(avutil(), "av_frame_copy_props", missing, to,
                                                  from);
}
KEIJI_ON_DEMAND AVBufferRef*(av_buffer_ref)(const AVBufferRef* buffer) {
    return forward<decltype(av_buffer_ref)>(avutil(), "av_buffer_ref",
                                            static_cast<AVBufferRef*>(nullptr), buffer);
}
KEIJI_ON_DEMAND void(av_buffer_unref)(AVBufferRef** buffer) {
    forward_void<decltype(av_buffer_unref)>(avutil(), "av_buffer_unref", buffer);
}
KEIJI_ON_DEMAND const AVCodecHWConfig*(avcodec_get_hw_config)(const AVCodec* codec, int index) {
    return forward<decltype(avcodec_get_hw_config)>(avcodec(), "avcodec_get_hw_config",
                                                    static_cast<const AVCodecHWConfig*>(nullptr),
                                                    codec, index);
}

// ---- libswscale

KEIJI_ON_DEMAND SwsContext*(sws_getCachedContext)(SwsContext* context, int from_width,
                                                  int from_height, AVPixelFormat from_format,
                                                  int to_width, int to_height,
                                                  AVPixelFormat to_format, int flags,
                                                  SwsFilter* from_filter, SwsFilter* to_filter,
                                                  const double* parameters) {
    return forward<decltype(sws_getCachedContext)>(
        swscale(), "sws_getCachedContext", static_cast<SwsContext*>(nullptr), context, from_width,
        from_height, from_format, to_width, to_height, to_format, flags, from_filter, to_filter,
        parameters);
}
KEIJI_ON_DEMAND int(sws_scale)(SwsContext* context, const uint8_t* const from[],
                               const int from_stride[], int first_row, int rows,
                               uint8_t* const to[], const int to_stride[]) {
    return forward<decltype(sws_scale)>(swscale(), "sws_scale", missing, context, from, from_stride,
                                        first_row, rows, to, to_stride);
}
KEIJI_ON_DEMAND const int*(sws_getCoefficients)(int colorspace) {
    return forward<decltype(sws_getCoefficients)>(swscale(), "sws_getCoefficients",
                                                  static_cast<const int*>(nullptr), colorspace);
}
KEIJI_ON_DEMAND int(sws_setColorspaceDetails)(SwsContext* context, const int from_table[4],
                                              int from_range, const int to_table[4], int to_range,
                                              int brightness, int contrast, int saturation) {
    return forward<decltype(sws_setColorspaceDetails)>(
        swscale(), "sws_setColorspaceDetails", missing, context, from_table, from_range, to_table,
        to_range, brightness, contrast, saturation);
}
KEIJI_ON_DEMAND void(sws_freeContext)(SwsContext* context) {
    forward_void<decltype(sws_freeContext)>(swscale(), "sws_freeContext", context);
}

// ---- libswresample (a film's sound), and libavutil's channel layouts

KEIJI_ON_DEMAND int(swr_alloc_set_opts2)(SwrContext** context, AVChannelLayout* to_layout,
                                         AVSampleFormat to_format, int to_rate,
                                         AVChannelLayout* from_layout, AVSampleFormat from_format,
                                         int from_rate, int log_offset, void* log_context) {
    return forward<decltype(swr_alloc_set_opts2)>(
        swresample(), "swr_alloc_set_opts2", missing, context, to_layout, to_format, to_rate,
        from_layout, from_format, from_rate, log_offset, log_context);
}
KEIJI_ON_DEMAND int(swr_init)(SwrContext* context) {
    return forward<decltype(swr_init)>(swresample(), "swr_init", missing, context);
}
KEIJI_ON_DEMAND int(swr_get_out_samples)(SwrContext* context, int in_samples) {
    return forward<decltype(swr_get_out_samples)>(swresample(), "swr_get_out_samples", missing,
                                                  context, in_samples);
}
KEIJI_ON_DEMAND int(swr_convert)(SwrContext* context, uint8_t** out, int out_count,
                                 const uint8_t** in, int in_count) {
    return forward<decltype(swr_convert)>(swresample(), "swr_convert", missing, context, out,
                                          out_count, in, in_count);
}
KEIJI_ON_DEMAND void(swr_free)(SwrContext** context) {
    forward_void<decltype(swr_free)>(swresample(), "swr_free", context);
}
KEIJI_ON_DEMAND void(av_channel_layout_default)(AVChannelLayout* layout, int channels) {
    forward_void<decltype(av_channel_layout_default)>(avutil(), "av_channel_layout_default", layout,
                                                      channels);
}
KEIJI_ON_DEMAND void(av_channel_layout_uninit)(AVChannelLayout* layout) {
    forward_void<decltype(av_channel_layout_uninit)>(avutil(), "av_channel_layout_uninit", layout);
}
