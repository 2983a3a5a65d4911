package dev.sightline.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal keep-alive HTTP/1.1 client: one socket, fixed request head, Content-Length or chunked
 * responses. Cheaper per request than java.net.http, which matters when client and server share two
 * cores.
 */
final class RawHttpClient implements IngestClient {

  private final URI uri;
  private final byte[] headPrefix;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  RawHttpClient(URI uri, String authorization) {
    this.uri = uri;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    this.headPrefix =
        ("POST "
                + path
                + " HTTP/1.1\r\n"
                + "Host: "
                + uri.getHost()
                + ":"
                + port(uri)
                + "\r\n"
                + "Authorization: "
                + authorization
                + "\r\n"
                + "Content-Type: application/x-protobuf\r\n"
                + "Content-Length: ")
            .getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public int post(byte[] body, int length) throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      out.write(headPrefix);
      out.write((length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, length);
      out.flush();
      return readResponse();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.setSoTimeout(30_000);
      s.connect(new InetSocketAddress(uri.getHost(), port(uri)), 5_000);
      out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
      in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    socket = s;
  }

  private int readResponse() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        contentLength = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closeAfter = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line().split(";")[0].trim(), 16);
          size > 0;
          size = Long.parseLong(line().split(";")[0].trim(), 16)) {
        skip(size);
        line();
      }
      line();
    } else if (contentLength > 0) {
      skip(contentLength);
    }
    if (closeAfter) {
      close();
    }
    return status;
  }

  private void skip(long n) throws IOException {
    while (n > 0) {
      long skipped = in.skip(n);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed inside a response body");
        }
        skipped = 1;
      }
      n -= skipped;
    }
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed by the server");
      }
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  private static int port(URI uri) {
    return uri.getPort() > 0 ? uri.getPort() : 80;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing to do: the connection is gone either way
      }
      socket = null;
    }
  }
}
